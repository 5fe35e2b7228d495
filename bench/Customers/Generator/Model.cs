using System.Globalization;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Bench.Customers.Generator;

internal sealed record Settings(string DataDirectory, string QueriesDirectory, int Customers, int Vehicles, int Visits, int Seed, int QueriesPerKind)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var data = Path.GetFullPath(values.GetValueOrDefault("data") ?? throw new ArgumentException("usage: --data <folder> [--queries <folder>] [--customers N] [--vehicles N] [--visits N] [--seed N] [--queries-per-kind N]"));
        Directory.CreateDirectory(data);
        return new Settings(
            data,
            Path.GetFullPath(values.GetValueOrDefault("queries") ?? data),
            Number("customers", 100_000),
            Number("vehicles", 150_000),
            Number("visits", 500_000),
            Number("seed", 2026),
            Number("queries-per-kind", 300));
    }
}

internal sealed record Staff(string Id, string UserName);

internal sealed record CustomerPlan(DateTime Opened, IReadOnlyList<DateTime> Deliveries, Staff Salesperson);

internal readonly record struct VisitPlan(int Vehicle, DateOnly Date, int Mileage, int Job, int Advisor, int AmountYuan);

internal sealed record Model(string Name, int Price, bool Electric);

internal sealed record Job(ServiceVisitType Type, string Work, int MinYuan, int MaxYuan);

/// <summary>The lineup and the workshop's usual jobs (as the app's demo data has them).</summary>
internal static class Lineup
{
    public static IReadOnlyList<Model> Models { get; } =
    [
        new("凯美瑞", 179_800, false), new("凯美瑞 双擎", 219_800, false), new("雷凌", 119_800, false), new("汉兰达", 279_800, false),
        new("RAV4荣放", 179_800, false), new("威兰达", 169_800, false), new("亚洲龙", 199_800, false), new("赛那", 309_800, false),
        new("锋兰达", 129_800, false), new("C-HR", 149_800, false), new("bZ4X", 199_800, true),
    ];

    public static IReadOnlyList<string> Colors { get; } = ["珍珠白", "铂金银", "曜石黑", "星光蓝", "炫动红", "天青灰"];

    public static IReadOnlyList<Job> Jobs { get; } =
    [
        new(ServiceVisitType.Maintenance, "常规保养：更换机油、机滤，检查四轮及底盘", 450, 900),
        new(ServiceVisitType.Maintenance, "保养：更换机油、机滤、空调滤芯，四轮定位", 800, 1500),
        new(ServiceVisitType.Repair, "更换前刹车片，检查制动系统", 900, 1600),
        new(ServiceVisitType.Repair, "空调不制冷：检修空调系统，补充冷媒", 600, 2400),
        new(ServiceVisitType.WarrantyClaim, "车机黑屏：索赔更换多媒体主机", 0, 0),
        new(ServiceVisitType.Accident, "左前翼子板刮擦：钣金喷漆（保险理赔）", 2500, 8000),
    ];
}

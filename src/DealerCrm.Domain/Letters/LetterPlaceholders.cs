namespace DealerCrm.Domain.Letters;

/// <summary>A placeholder an administrator may write in the letter template, and what it becomes.</summary>
public sealed record LetterPlaceholder(string Token, string Meaning);

/// <summary>
/// The one list of placeholders a thank-you letter template may use. Anything else in braces is
/// refused by <see cref="LetterTemplate.Validate"/>.
/// </summary>
public static class LetterPlaceholders
{
    public const string CustomerName = "{客户姓名}";
    public const string Addressee = "{称呼}";
    public const string VehicleModel = "{车型}";
    public const string DeliveryDate = "{交车日期}";
    public const string Salesperson = "{销售顾问}";
    public const string SalespersonPhone = "{销售顾问电话}";
    public const string ServiceHotline = "{服务热线}";
    public const string FirstMaintenanceDate = "{首保日期}";
    public const string FirstMaintenanceMileage = "{首保里程}";

    public static IReadOnlyList<LetterPlaceholder> All { get; } =
    [
        new(CustomerName, "客户姓名；公司客户为公司名称"),
        new(Addressee, "称呼，如“王先生”“李女士”；性别不详时为“客户”"),
        new(VehicleModel, "车型，如“比亚迪 汉 EV”"),
        new(DeliveryDate, "交车日期，如“2026年11月23日”"),
        new(Salesperson, "销售顾问姓名"),
        new(SalespersonPhone, "销售顾问电话；未登记时为服务热线"),
        new(ServiceHotline, "本店服务热线"),
        new(FirstMaintenanceDate, "首保截止日期；未登记时为“保养手册规定的日期”"),
        new(FirstMaintenanceMileage, "首保里程，如“5000公里”；未登记时为“保养手册规定的里程”"),
    ];

    public static bool IsKnown(string token) => All.Any(p => p.Token == token);
}

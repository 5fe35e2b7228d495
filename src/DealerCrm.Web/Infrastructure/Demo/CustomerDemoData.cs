using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>
/// A living dealership's customer base: about 300 customers with realistic Chinese names,
/// families, vehicles delivered over the last 24 months (some yesterday and today), service
/// visits and a few prospects. Made-up phone numbers, plates and VINs (with valid check digits).
/// Relative to the clock, so the demo always looks current. Repeatable: a fixed random seed.
/// </summary>
public sealed class CustomerDemoData(
    DealerCrmDbContext db,
    CustomerNumberAllocator numbers,
    StaffDirectory staff,
    DealershipClock clock,
    IConfiguration configuration,
    ILogger<CustomerDemoData> logger) : IDemoDataSeeder
{
    private const string Surnames = "王王王李李李张张张刘刘陈陈杨杨黄黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";
    private const string MaleGiven = "伟强磊军勇杰涛明超斌鹏华辉刚建国志文浩宇俊峰海波亮晨晓东林平健宏家豪子轩博";
    private const string FemaleGiven = "芳娜敏静丽艳娟霞燕玲婷雪慧琳颖洁晶倩欣怡佳梅兰红萍莉琪月华雨";

    private static readonly string[] Districts = ["天河区", "越秀区", "海珠区", "荔湾区", "白云区", "番禺区", "黄埔区", "花都区", "南沙区", "增城区"];
    private static readonly string[] Streets = ["体育西路", "天河北路", "中山大道", "黄埔大道", "东风东路", "环市东路", "广州大道南", "江南大道", "新港西路", "工业大道", "机场路", "广园东路", "番禺大道", "市桥路", "迎宾大道"];
    private static readonly string[] Occupations = ["教师", "医生", "工程师", "公务员", "企业主", "销售经理", "会计", "律师", "程序员", "设计师", "个体经营", "护士", "银行职员"];
    private static readonly string[] Colors = ["珍珠白", "铂金银", "曜石黑", "星光蓝", "炫动红", "天青灰"];
    private static readonly string[] CompanyStems = ["顺达物流", "恒信贸易", "德润建材", "华美装饰", "鸿运餐饮", "中科软件", "粤海食品", "金穗农业", "嘉禾置业", "远航电子"];
    private static readonly string[] MobilePrefixes = ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188", "130", "131", "132", "155", "156", "185", "133", "153", "180", "189", "177", "199"];
    private const string PlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>The lineup, with list prices in yuan; bZ4X is electric (green plate).</summary>
    private static readonly (string Model, int Price, bool Electric)[] Lineup =
    [
        ("凯美瑞", 179_800, false), ("凯美瑞 双擎", 219_800, false), ("雷凌", 119_800, false), ("汉兰达", 279_800, false),
        ("RAV4荣放", 179_800, false), ("威兰达", 169_800, false), ("亚洲龙", 199_800, false), ("赛那", 309_800, false),
        ("锋兰达", 129_800, false), ("C-HR", 149_800, false), ("bZ4X", 199_800, true),
    ];

    private static readonly (ServiceVisitType Type, string Work, int MinYuan, int MaxYuan)[] Jobs =
    [
        (ServiceVisitType.Maintenance, "常规保养：更换机油、机滤，检查四轮及底盘", 450, 900),
        (ServiceVisitType.Maintenance, "保养：更换机油、机滤、空调滤芯，四轮定位", 800, 1500),
        (ServiceVisitType.Repair, "更换前刹车片，检查制动系统", 900, 1600),
        (ServiceVisitType.Repair, "空调不制冷：检修空调系统，补充冷媒", 600, 2400),
        (ServiceVisitType.WarrantyClaim, "车机黑屏：索赔更换多媒体主机", 0, 0),
        (ServiceVisitType.Accident, "左前翼子板刮擦：钣金喷漆（保险理赔）", 2500, 8000),
    ];

    private readonly Random _random = new(2026);
    private readonly HashSet<string> _usedMobiles = [];
    private readonly HashSet<string> _usedPlates = [];
    private int _serial = 100_000;

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return;
        }

        var count = configuration.GetValue("Demo:Customers", 300);
        var salespeople = await staff.InRolesAsync([Roles.Salesperson], cancellationToken);
        var advisors = await staff.InRolesAsync([Roles.ServiceAdvisor], cancellationToken);
        if (salespeople.Count == 0 || advisors.Count == 0)
        {
            return;
        }

        var now = clock.UtcNow;
        var customerNumbers = await numbers.NextBlockAsync(clock.Today.Year, count, cancellationToken);
        var plans = Enumerable.Range(0, count).Select(i => NewCustomer(customerNumbers[i], salespeople, now)).ToList();
        db.Customers.AddRange(plans.Select(p => p.Customer));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (customer, deliveries) in plans)
        {
            foreach (var delivered in deliveries)
            {
                AddVehicleWithHistory(customer, delivered, customer.SalespersonId!, advisors);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await AddDeliveriesAsync(cancellationToken);
        logger.LogInformation("Demo data: {Count} customers", count);
    }

    private (Customer Customer, IReadOnlyList<DateTime> Deliveries) NewCustomer(string number, IReadOnlyList<StaffMember> salespeople, DateTime now)
    {
        var company = _random.NextDouble() < 0.08;
        var gender = _random.NextDouble() < 0.58 ? Gender.Male : Gender.Female;
        var name = company ? $"广州{Pick(CompanyStems)}有限公司" : PersonName(gender);
        var prospect = _random.NextDouble() < 0.07;
        var deliveries = prospect ? [] : Enumerable.Range(0, _random.NextDouble() < 0.1 ? 2 : 1).Select(_ => DeliveryTime()).Order().ToList();
        // The file is opened when the customer first came in: a few weeks before the first delivery.
        var opened = deliveries.Count > 0 ? deliveries[0].AddDays(-_random.Next(1, 45)).AddHours(-_random.Next(0, 5)) : now.AddDays(-_random.Next(0, 90)).AddHours(-_random.Next(1, 8));
        var salesperson = Pick(salespeople);
        var customer = new Customer(number, company ? CustomerKind.Company : CustomerKind.Person, name, opened, salesperson.UserName);
        var lineup = Pick(Lineup);
        customer.UpdateProfile(new CustomerProfile(
            customer.Kind, name, company ? Gender.Unknown : gender,
            company || _random.NextDouble() < 0.3 ? null : new DateOnly(_random.Next(1962, 2001), _random.Next(1, 13), _random.Next(1, 29)),
            company ? null : Pick(Occupations),
            company ? PurchasePurpose.Business : _random.NextDouble() < 0.8 ? PurchasePurpose.Family : PurchasePurpose.Commuting,
            (SourceChannel)_random.Next(1, 7),
            company ? Pick([Gender.Male, Gender.Female]) : Gender.Unknown,
            company ? Pick(["采购经理", "行政主管", "总经理", "车队主管"]) : null,
            prospect ? lineup.Model : null,
            prospect ? Money.FromYuan(lineup.Price - 30_000) : null,
            prospect ? Money.FromYuan(lineup.Price + 20_000) : null,
            prospect ? Pick(["关注油耗和保值率", "希望年底前提车", "比较贷款方案", "想试驾后再决定"]) : null,
            null));
        var otherPhones = _random.NextDouble() < 0.25 ? new[] { $"020-{_random.Next(3, 9)}{_random.Next(1000000, 9999999)}" } : [];
        customer.UpdateContact(new ContactDetails(Mobile(), otherPhones,
            $"广州市{Pick(Districts)}{Pick(Streets)}{_random.Next(1, 999)}号",
            company ? PersonName(Pick([Gender.Male, Gender.Female])) : null), opened, salesperson.UserName);
        customer.AssignSalesperson(salesperson.Id);
        if (!company && _random.NextDouble() < 0.45)
        {
            var spouseGender = gender == Gender.Male ? Gender.Female : Gender.Male;
            customer.AddFamilyMember(PersonName(spouseGender), FamilyRelation.Spouse, spouseGender,
                new DateOnly(_random.Next(1965, 2001), _random.Next(1, 13), _random.Next(1, 29)), _random.NextDouble() < 0.5 ? Mobile() : null, opened);
        }

        if (!company && _random.NextDouble() < 0.3)
        {
            var childGender = Pick([Gender.Male, Gender.Female]);
            customer.AddFamilyMember(name[..1] + PersonName(childGender)[1..], FamilyRelation.Child, childGender,
                new DateOnly(_random.Next(2005, 2022), _random.Next(1, 13), _random.Next(1, 29)), null, opened);
        }

        return (customer, deliveries);
    }

    private readonly List<(Vehicle Vehicle, DateTime DeliveredUtc, string SalespersonId, int Price)> _deliveries = [];

    private void AddVehicleWithHistory(Customer customer, DateTime delivered, string salespersonId, IReadOnlyList<StaffMember> advisors)
    {
        var (model, price, electric) = Pick(Lineup);
        var deliveredDay = clock.LocalDateOf(delivered);
        var daysAgo = clock.Today.DayNumber - deliveredDay.DayNumber;
        var plate = daysAgo > 7 ? Plate(electric) : null;
        var insurance = deliveredDay.AddYears(1);
        while (insurance < clock.Today.AddDays(-20))
        {
            insurance = insurance.AddYears(1);
        }

        var vin = NewVin(deliveredDay.Year);
        var vehicle = new Vehicle(customer.Id, vin, new VehicleDetails(
            plate, "丰田", model, Pick(Colors), plate is null ? RegistrationStatus.InProgress : RegistrationStatus.Registered,
            insurance, deliveredDay.AddYears(3), deliveredDay.AddMonths(6), 5000), delivered);
        db.Vehicles.Add(vehicle);
        _deliveries.Add((vehicle, delivered, salespersonId, price - _random.Next(0, 16) * 1000));

        // Maintenance about every six months, now and then a repair; the last visits fall in the last few days.
        var visitDay = deliveredDay.AddMonths(6).AddDays(_random.Next(-10, 20));
        var mileage = 0;
        while (visitDay <= clock.Today)
        {
            mileage += _random.Next(3500, 7000);
            var job = _random.NextDouble() < 0.75 ? Jobs[_random.Next(0, 2)] : Pick(Jobs);
            var next = job.Type == ServiceVisitType.Maintenance ? visitDay.AddMonths(6) : (DateOnly?)null;
            _visits.Add((vehicle, customer.Id, new ServiceVisitDetails(visitDay, mileage, job.Type, job.Work, Pick(advisors).Id,
                Money.FromYuan(_random.Next(job.MinYuan, job.MaxYuan + 1)), next, next is null ? null : mileage + 5000)));
            visitDay = visitDay.AddDays(_random.Next(150, 200));
        }
    }

    private readonly List<(Vehicle Vehicle, int CustomerId, ServiceVisitDetails Details)> _visits = [];

    private async Task AddDeliveriesAsync(CancellationToken cancellationToken)
    {
        foreach (var (vehicle, delivered, salespersonId, price) in _deliveries)
        {
            db.Deliveries.Add(new Delivery(vehicle.Id, vehicle.CustomerId, delivered, salespersonId, Money.FromYuan(price),
                _random.NextDouble() < 0.4 ? PaymentMethod.Loan : PaymentMethod.FullPayment, null, delivered.AddHours(1) > clock.UtcNow ? clock.UtcNow : delivered.AddHours(1), "system"));
        }

        foreach (var (vehicle, customerId, details) in _visits)
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customerId, details, clock.StartOfDayUtc(details.VisitDate).AddHours(17) is var recorded && recorded > clock.UtcNow ? clock.UtcNow : recorded, "system"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Spread over 24 months, with a handful today (before now) and yesterday.</summary>
    private DateTime DeliveryTime()
    {
        var roll = _random.NextDouble();
        var daysAgo = roll < 0.015 ? 0 : roll < 0.03 ? 1 : roll < 0.06 ? _random.Next(2, 8) : _random.Next(8, 730);
        var local = clock.Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(_random.Next(9, 18), _random.Next(0, 4) * 15));
        var utc = clock.ToUtc(local);
        return utc > clock.UtcNow ? clock.UtcNow.AddMinutes(-_random.Next(30, 120)) : utc;
    }

    private string PersonName(Gender gender)
    {
        var given = gender == Gender.Female ? FemaleGiven : MaleGiven;
        var name = Surnames[_random.Next(Surnames.Length)].ToString() + given[_random.Next(given.Length)];
        return _random.NextDouble() < 0.6 ? name + given[_random.Next(given.Length)] : name;
    }

    private string Mobile()
    {
        string mobile;
        do
        {
            mobile = Pick(MobilePrefixes) + _random.Next(0, 100_000_000).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        }
        while (!_usedMobiles.Add(mobile));
        return mobile;
    }

    private string Plate(bool electric)
    {
        string plate;
        do
        {
            var office = Pick(["A", "A", "A", "B", "E"]);
            plate = electric
                ? $"粤{office}D{PlateLetters[_random.Next(PlateLetters.Length)]}{_random.Next(1000, 10000)}"
                : $"粤{office}{PlateLetters[_random.Next(PlateLetters.Length)]}{_random.Next(1000, 10000)}";
        }
        while (!_usedPlates.Add(plate));
        return plate;
    }

    /// <summary>A made-up VIN in the shape of a Chinese-built car's, with its check digit.</summary>
    private string NewVin(int modelYear)
    {
        const string yearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";
        var year = yearCodes[(modelYear - 2010) % 30];
        var body = $"LVGB{PlateLetters[_random.Next(PlateLetters.Length)]}{_random.Next(10, 99)}K0{year}G{_serial++:000000}";
        return body[..8] + Vin.CheckDigit(body) + body[9..];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

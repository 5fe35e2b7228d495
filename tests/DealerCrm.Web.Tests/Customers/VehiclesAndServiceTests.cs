using System.Globalization;
using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Vehicles, deliveries (交车) and service visits recorded from the customer's file.</summary>
public sealed class VehiclesAndServiceTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task A_vin_already_on_file_is_refused_with_a_link_to_the_file_that_holds_it()
    {
        var (vehicle, owner) = await DemoVehicleAsync(skip: 4);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "车架号重复测试");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var typed = " " + vehicle.Vin.ToLowerInvariant()[..8] + " " + vehicle.Vin.ToLowerInvariant()[8..];

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", VehicleForm(typed, CustomerTestData.NewPlate()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var clash = Html.Section(html, "vehicle-clash");
        Assert.Contains($"车架号已在客户档案 {owner.Number}（{owner.Name}）中。", clash);
        Assert.Contains($"href=\"/Customers/{owner.Id}\"", clash);
        Assert.Contains("打开该档案", clash);
        Assert.Equal($"车架号已在客户档案 {owner.Number}（{owner.Name}）中。", Html.FieldError(html, "Input.Vin"));
        Assert.Equal(typed, Html.InputValue(html, "Input.Vin"));
        Assert.Equal(0, await VehicleCountAsync(customer.Id));
    }

    [Fact]
    public async Task A_plate_already_on_file_is_refused_with_a_link_to_the_file_that_holds_it()
    {
        var (vehicle, owner) = await DemoVehicleAsync(skip: 9);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "车牌重复测试");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var typed = vehicle.Plate![..2].ToLowerInvariant() + "·" + vehicle.Plate[2..].ToLowerInvariant();

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", VehicleForm(CustomerTestData.NewVin(), typed));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clash = Html.Section(html, "vehicle-clash");
        Assert.Contains($"车牌号已在客户档案 {owner.Number}（{owner.Name}）中。", clash);
        Assert.Contains($"href=\"/Customers/{owner.Id}\"", clash);
        Assert.Equal(typed, Html.InputValue(html, "Input.Plate"));
        Assert.Equal(0, await VehicleCountAsync(customer.Id));
    }

    [Theory]
    [InlineData("1M8GDM9A1KP042788", "Input.Vin", "车架号校验位不正确，请逐位核对（第 9 位为校验位）。")]
    [InlineData("1M8GDM9AXKP04278I", "Input.Vin", "车架号应为 17 位字母和数字（不含 I、O、Q）。")]
    [InlineData("1M8GDM9AXKP0427", "Input.Vin", "车架号应为 17 位字母和数字（不含 I、O、Q）。")]
    [InlineData("", "Input.Vin", "请填写车架号。")]
    public async Task A_wrong_vin_is_answered_next_to_the_vin_with_the_input_kept(string vin, string field, string message)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "车架号校验测试");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var plate = CustomerTestData.NewPlate();

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", VehicleForm(vin, plate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, Html.FieldError(html, field));
        Assert.Equal(vin, Html.InputValue(html, "Input.Vin") ?? "");
        Assert.Equal(plate, Html.InputValue(html, "Input.Plate"));
        Assert.Equal("凯美瑞", Html.InputValue(html, "Input.Model"));
        Assert.Equal("2029-11-22", Html.InputValue(html, "Input.WarrantyExpiry"));
        Assert.Equal(0, await VehicleCountAsync(customer.Id));
    }

    [Theory]
    [InlineData("粤I12345")]
    [InlineData("港A12345")]
    [InlineData("粤A1234")]
    [InlineData("粤A1234567")]
    public async Task A_wrong_plate_is_answered_next_to_the_plate(string plate)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "车牌校验测试");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", VehicleForm(CustomerTestData.NewVin(), plate));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("车牌号格式不正确（如 粤A12345，新能源如 粤AD12345）。", Html.FieldError(html, "Input.Plate"));
        Assert.Equal(plate, Html.InputValue(html, "Input.Plate"));
    }

    [Fact]
    public async Task A_new_energy_vehicle_is_added_normalised_and_shows_on_the_file()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "新能源车主");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var vin = CustomerTestData.NewVin();
        var plate = "粤SD" + (CustomerTestData.NextSerial() % 100_000).ToString("00000", CultureInfo.InvariantCulture);

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", VehicleForm(vin.ToLowerInvariant(), plate.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var vehicle = await factory.WithDbAsync(db => db.Vehicles.SingleAsync(v => v.CustomerId == customer.Id));
        Assert.Equal((vin, plate, RegistrationStatus.Registered), (vehicle.Vin, vehicle.Plate, vehicle.RegistrationStatus));
        var vehicles = Html.Section(await advisor.GetHtmlAsync($"/Customers/{customer.Id}"), "vehicles");
        Assert.Contains(vin, vehicles);
        Assert.Contains(plate, vehicles);
    }

    [Fact]
    public async Task A_delivery_entered_the_next_day_is_kept_at_the_moment_it_happened()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "补录交车客户");
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var clock = factory.Services.GetRequiredService<DealershipClock>();
        var yesterday = clock.Today.AddDays(-1);
        var vin = CustomerTestData.NewVin();
        var form = DeliveryForm($"{yesterday:yyyy-MM-dd}T15:30", salespersonId, "179800", vin, CustomerTestData.NewPlate());
        form["Input.PaymentMethod"] = nameof(PaymentMethod.Loan);

        using var response = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = await factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.CustomerId == customer.Id));
        var expected = new DateTime(yesterday.Year, yesterday.Month, yesterday.Day, 7, 30, 0, DateTimeKind.Utc); // 15:30 in Beijing, UTC+8
        Assert.Equal(expected, delivery.DeliveredAtUtc);
        Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(delivery.DeliveredAtUtc, DateTimeKind.Utc).Kind);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, delivery.RecordedUtc);
        Assert.Equal((salespersonId, Money.FromYuan(179_800), PaymentMethod.Loan, "salesperson"), (delivery.SalespersonId, delivery.Price, delivery.PaymentMethod, delivery.RecordedBy));
        var vehicle = await factory.WithDbAsync(db => db.Vehicles.SingleAsync(v => v.Id == delivery.VehicleId));
        Assert.Equal((customer.Id, vin), (vehicle.CustomerId, vehicle.Vin));
        Assert.Equal(salespersonId, await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.SalespersonId).SingleAsync()));

        var deliveries = Html.Section(await salesperson.GetHtmlAsync($"/Customers/{customer.Id}"), "deliveries");
        Assert.Contains($"{yesterday:yyyy年M月d日} 15:30".Replace("年0", "年", StringComparison.Ordinal), deliveries);
        Assert.Contains("¥179,800.00", deliveries);
        Assert.Contains("贷款", deliveries);
    }

    [Fact]
    public async Task A_delivery_of_a_vehicle_already_on_the_file_needs_no_vehicle_fields()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "已有车辆交车");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var form = new Dictionary<string, string>
        {
            ["Input.VehicleId"] = vehicle.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.DeliveredAt"] = "2026-11-23T09:45",
            ["Input.SalespersonId"] = await CustomerTestData.UserIdAsync(factory, "salesperson2"),
            ["Input.PriceYuan"] = "0",
            ["Input.PaymentMethod"] = nameof(PaymentMethod.FullPayment),
        };

        using var response = await manager.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = await factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.CustomerId == customer.Id));
        Assert.Equal((vehicle.Id, new DateTime(2026, 11, 23, 1, 45, 0)), (delivery.VehicleId, delivery.DeliveredAtUtc));
    }

    [Fact]
    public async Task A_delivery_in_the_future_a_negative_price_and_a_wrong_vin_are_answered_in_Chinese_with_the_input_kept()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "交车校验客户");
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var vin = CustomerTestData.WithWrongCheckDigit(CustomerTestData.NewVin());
        var plate = CustomerTestData.NewPlate();

        using var response = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record",
            DeliveryForm("2026-11-23T10:30", salespersonId, "-100", vin, plate));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("交车时间不能晚于现在。", Html.FieldError(html, "Input.DeliveredAt"));
        Assert.Equal("金额不能为负数。", Html.FieldError(html, "Input.PriceYuan"));
        Assert.Equal("车架号校验位不正确，请逐位核对（第 9 位为校验位）。", Html.FieldError(html, "Input.Vehicle.Vin"));
        Assert.Equal("2026-11-23T10:30", Html.InputValue(html, "Input.DeliveredAt"));
        Assert.Equal("-100", Html.InputValue(html, "Input.PriceYuan"));
        Assert.Equal(vin, Html.InputValue(html, "Input.Vehicle.Vin"));
        Assert.Equal(plate, Html.InputValue(html, "Input.Vehicle.Plate"));
        Assert.Equal(salespersonId, Html.SelectedValue(html, "Input.SalespersonId"));
        Assert.Equal("交车当天交的首付", Html.TextAreaValue(html, "Input.Notes"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task A_delivery_whose_new_vin_is_on_file_is_refused_with_a_link()
    {
        var (vehicle, owner) = await DemoVehicleAsync(skip: 13);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "交车车架号重复");
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);

        using var response = await salesperson.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record",
            DeliveryForm("2026-11-23T09:00", await CustomerTestData.UserIdAsync(factory, "salesperson"), "150000", vehicle.Vin, CustomerTestData.NewPlate()));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/Customers/{owner.Id}\"", Html.Section(html, "vehicle-clash"));
        Assert.Equal($"车架号已在客户档案 {owner.Number}（{owner.Name}）中。", Html.FieldError(html, "Input.Vehicle.Vin"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task A_service_visit_is_recorded_and_heads_the_service_history()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "保养记录客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var page = await advisor.GetHtmlAsync($"/Customers/{customer.Id}/ServiceVisits/Record");
        Assert.Equal(vehicle.Id.ToString(CultureInfo.InvariantCulture), Html.SelectedValue(page, "Input.VehicleId"));
        Assert.Equal("2026-11-23", Html.InputValue(page, "Input.VisitDate"));
        Assert.Equal(advisorId, Html.SelectedValue(page, "Input.ServiceAdvisorId"));

        using (var first = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", VisitForm(vehicle.Id, "2026-05-20", "5000", advisorId, "首次保养：更换机油、机滤", "0")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record",
            VisitForm(vehicle.Id, "2026-11-23", "10250", advisorId, "二保：更换机油、机滤、空调滤芯", "680.50", nextDate: "2027-05-23", nextMileage: "15250", type: nameof(ServiceVisitType.Maintenance)));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var visit = await factory.WithDbAsync(db => db.ServiceVisits.Where(s => s.CustomerId == customer.Id).OrderByDescending(s => s.Mileage).FirstAsync());
        Assert.Equal((10_250, Money.FromYuan(680.50m), new DateOnly(2027, 5, 23), 15_250), (visit.Mileage, visit.Amount, visit.NextMaintenanceDate!.Value, visit.NextMaintenanceMileage!.Value));
        var visits = Html.Section(await advisor.GetHtmlAsync($"/Customers/{customer.Id}"), "visits");
        Assert.Contains("二保：更换机油、机滤、空调滤芯", visits);
        Assert.Contains("10,250 公里", visits);
        Assert.Contains("¥680.50", visits);
        Assert.True(visits.IndexOf("二保", StringComparison.Ordinal) < visits.IndexOf("首次保养", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visit_in_the_future_with_a_negative_amount_or_a_lower_mileage_is_refused_with_the_input_kept()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "维修校验客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        using (var earlier = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", VisitForm(vehicle.Id, "2026-10-01", "12000", advisorId, "常规保养", "500")))
        {
            Assert.Equal(HttpStatusCode.Redirect, earlier.StatusCode);
        }

        using var future = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record",
            VisitForm(vehicle.Id, "2026-11-24", "13000", advisorId, "更换前刹车片", "-20", type: nameof(ServiceVisitType.Repair)));

        var html = await future.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Equal("日期不能晚于今天。", Html.FieldError(html, "Input.VisitDate"));
        Assert.Equal("金额不能为负数。", Html.FieldError(html, "Input.AmountYuan"));
        Assert.Equal("2026-11-24", Html.InputValue(html, "Input.VisitDate"));
        Assert.Equal("-20", Html.InputValue(html, "Input.AmountYuan"));
        Assert.Equal("13000", Html.InputValue(html, "Input.Mileage"));
        Assert.Equal("更换前刹车片", Html.TextAreaValue(html, "Input.WorkItems"));
        Assert.Equal(nameof(ServiceVisitType.Repair), Html.SelectedValue(html, "Input.Type"));

        using var lower = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record",
            VisitForm(vehicle.Id, "2026-11-20", "11000", advisorId, "更换前刹车片", "900"));

        html = await lower.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal("里程低于该车之前记录的 12,000 公里，请核对。", Html.FieldError(html, "Input.Mileage"));
        Assert.Equal("11000", Html.InputValue(html, "Input.Mileage"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ServiceVisits.CountAsync(s => s.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task Deliveries_are_for_sales_and_service_visits_for_after_sales()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "权限测试客户");
        await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        using var visit = await salesperson.GetAsync($"/Customers/{customer.Id}/ServiceVisits/Record");
        using var delivery = await advisor.GetAsync($"/Customers/{customer.Id}/Deliveries/Record");

        Assert.Equal(HttpStatusCode.Forbidden, visit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delivery.StatusCode);
    }

    private async Task<(Vehicle Vehicle, Customer Owner)> DemoVehicleAsync(int skip) =>
        await factory.WithDbAsync(async db =>
        {
            var vehicle = await db.Vehicles.Where(v => v.Plate != null).OrderBy(v => v.Id).Skip(skip).FirstAsync();
            return (vehicle, await db.Customers.SingleAsync(c => c.Id == vehicle.CustomerId));
        });

    private Task<int> VehicleCountAsync(int customerId) => factory.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customerId));

    private static Dictionary<string, string> VehicleForm(string vin, string plate) => new()
    {
        ["Input.Vin"] = vin,
        ["Input.Plate"] = plate,
        ["Input.Brand"] = "丰田",
        ["Input.Model"] = "凯美瑞",
        ["Input.Color"] = "珍珠白",
        ["Input.RegistrationStatus"] = nameof(RegistrationStatus.Registered),
        ["Input.WarrantyExpiry"] = "2029-11-22",
        ["Input.InsuranceExpiry"] = "2027-11-22",
        ["Input.FirstMaintenanceDue"] = "2027-05-22",
        ["Input.FirstMaintenanceMileage"] = "5000",
        ["Version"] = "0",
    };

    private static Dictionary<string, string> DeliveryForm(string deliveredAt, string salespersonId, string price, string vin, string plate) => new()
    {
        ["Input.VehicleId"] = "",
        ["Input.DeliveredAt"] = deliveredAt,
        ["Input.SalespersonId"] = salespersonId,
        ["Input.PriceYuan"] = price,
        ["Input.PaymentMethod"] = nameof(PaymentMethod.FullPayment),
        ["Input.Notes"] = "交车当天交的首付",
        ["Input.Vehicle.Vin"] = vin,
        ["Input.Vehicle.Plate"] = plate,
        ["Input.Vehicle.Brand"] = "丰田",
        ["Input.Vehicle.Model"] = "RAV4荣放",
        ["Input.Vehicle.Color"] = "铂金银",
        ["Input.Vehicle.RegistrationStatus"] = nameof(RegistrationStatus.InProgress),
        ["Input.Vehicle.WarrantyExpiry"] = "2029-11-22",
    };

    private static Dictionary<string, string> VisitForm(int vehicleId, string date, string mileage, string advisorId, string work, string amount, string? nextDate = null, string? nextMileage = null, string type = nameof(ServiceVisitType.Maintenance)) => new()
    {
        ["Input.VehicleId"] = vehicleId.ToString(CultureInfo.InvariantCulture),
        ["Input.VisitDate"] = date,
        ["Input.Mileage"] = mileage,
        ["Input.Type"] = type,
        ["Input.WorkItems"] = work,
        ["Input.ServiceAdvisorId"] = advisorId,
        ["Input.AmountYuan"] = amount,
        ["Input.NextMaintenanceDate"] = nextDate ?? "",
        ["Input.NextMaintenanceMileage"] = nextMileage ?? "",
    };
}

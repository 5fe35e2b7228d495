using System.Globalization;
using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>Amounts too large to store and other out-of-range input are answered on the form, with what was typed kept.</summary>
public sealed class InputLimitsTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    private const string Huge = "99999999999999";
    private const string AmountMessage = "金额不能超过 99,999,999.99 元。";

    [Theory]
    [InlineData("Input.BudgetFromYuan")]
    [InlineData("Input.BudgetToYuan")]
    public async Task A_budget_too_large_to_store_is_answered_on_the_create_form(string field)
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        var mobile = CustomerTestData.NewMobile();
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CustomerKind.Person),
            ["Input.Name"] = "预算过大",
            ["Input.Gender"] = nameof(Gender.Male),
            ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
            ["Input.Source"] = nameof(SourceChannel.WalkIn),
            ["Input.Mobile"] = mobile,
            ["Input.BudgetFromYuan"] = "100000",
            ["Input.BudgetToYuan"] = "200000",
        };
        form[field] = Huge;
        if (field == "Input.BudgetFromYuan")
        {
            form["Input.BudgetToYuan"] = "";
        }

        using var response = await agent.PostFormAsync("/Customers/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(AmountMessage, Html.FieldError(html, field));
        Assert.Equal(Huge, Html.InputValue(html, field));
        Assert.Equal("预算过大", Html.InputValue(html, "Input.Name"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Customers.CountAsync(c => c.Mobile == mobile)));
    }

    [Fact]
    public async Task A_budget_too_large_to_store_is_answered_on_the_edit_form()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "编辑预算过大");
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var page = await manager.GetHtmlAsync($"/Customers/{customer.Id}/Edit");
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = Html.InputValue(page, "Input.Version")!,
            ["Input.Kind"] = nameof(CustomerKind.Person),
            ["Input.Name"] = "编辑预算过大",
            ["Input.Gender"] = nameof(Gender.Male),
            ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
            ["Input.Source"] = nameof(SourceChannel.WalkIn),
            ["Input.BudgetToYuan"] = Huge,
        };

        using var response = await manager.PostFormAsync($"/Customers/{customer.Id}/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(AmountMessage, Html.FieldError(html, "Input.BudgetToYuan"));
        Assert.Equal(Huge, Html.InputValue(html, "Input.BudgetToYuan"));
    }

    [Fact]
    public async Task A_service_visit_amount_too_large_to_store_is_answered_on_the_form()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "维修金额过大");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", new Dictionary<string, string>
        {
            ["Input.VehicleId"] = vehicle.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.VisitDate"] = "2026-11-20",
            ["Input.Mileage"] = "5000",
            ["Input.Type"] = nameof(ServiceVisitType.Maintenance),
            ["Input.WorkItems"] = "更换机油",
            ["Input.ServiceAdvisorId"] = advisorId,
            ["Input.AmountYuan"] = Huge,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(AmountMessage, Html.FieldError(html, "Input.AmountYuan"));
        Assert.Equal(Huge, Html.InputValue(html, "Input.AmountYuan"));
        Assert.Equal("更换机油", Html.TextAreaValue(html, "Input.WorkItems"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ServiceVisits.CountAsync(s => s.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task A_delivery_price_too_large_to_store_is_answered_on_the_form()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "成交价过大");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);

        using var response = await manager.PostFormAsync($"/Customers/{customer.Id}/Deliveries/Record", new Dictionary<string, string>
        {
            ["Input.VehicleId"] = vehicle.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.DeliveredAt"] = "2026-11-20T09:45",
            ["Input.SalespersonId"] = await CustomerTestData.UserIdAsync(factory, "salesperson2"),
            ["Input.PriceYuan"] = Huge,
            ["Input.PaymentMethod"] = nameof(PaymentMethod.FullPayment),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(AmountMessage, Html.FieldError(html, "Input.PriceYuan"));
        Assert.Equal(Huge, Html.InputValue(html, "Input.PriceYuan"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.CustomerId == customer.Id)));
    }

    [Theory]
    [InlineData("create", "Input.ContactPerson", 50)]
    [InlineData("edit", "Input.Notes", 1000)]
    [InlineData("contact", "Input.Address", 200)]
    [InlineData("family", "Input.Name", 50)]
    [InlineData("vehicle", "Input.Color", 30)]
    [InlineData("delivery", "Input.Notes", 500)]
    [InlineData("visit", "Input.WorkItems", 2000)]
    public async Task Ten_thousand_characters_in_a_text_field_are_answered_with_the_limit_and_the_input_kept(string form, string field, int limit)
    {
        var typed = new string('长', 10_000);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "超长输入客户");
        using var manager = await SiteClient.SignedInAsync(factory, form == "visit" ? Roles.ServiceAdvisor : Roles.SalesManager);
        var (url, fields) = form switch
        {
            "create" => ("/Customers/Create", new Dictionary<string, string>
            {
                ["Input.Kind"] = nameof(CustomerKind.Person),
                ["Input.Name"] = "超长输入",
                ["Input.Gender"] = nameof(Gender.Male),
                ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
                ["Input.Source"] = nameof(SourceChannel.WalkIn),
                ["Input.Mobile"] = CustomerTestData.NewMobile(),
            }),
            "edit" => ($"/Customers/{customer.Id}/Edit", new Dictionary<string, string>
            {
                ["Input.Version"] = Html.InputValue(await manager.GetHtmlAsync($"/Customers/{customer.Id}/Edit"), "Input.Version")!,
                ["Input.Kind"] = nameof(CustomerKind.Person),
                ["Input.Name"] = "超长输入客户",
                ["Input.Gender"] = nameof(Gender.Male),
                ["Input.PurchasePurpose"] = nameof(PurchasePurpose.Family),
                ["Input.Source"] = nameof(SourceChannel.WalkIn),
            }),
            "contact" => ($"/Customers/{customer.Id}/Contact", new Dictionary<string, string>
            {
                ["Input.Version"] = Html.InputValue(await manager.GetHtmlAsync($"/Customers/{customer.Id}/Contact"), "Input.Version")!,
            }),
            "family" => ($"/Customers/{customer.Id}/Family", new Dictionary<string, string>
            {
                ["Input.Relation"] = nameof(FamilyRelation.Child),
                ["Input.Gender"] = nameof(Gender.Male),
                ["Input.Birthday"] = "2018-06-01",
                ["Input.Version"] = "0",
            }),
            "vehicle" => ($"/Customers/{customer.Id}/Vehicles", new Dictionary<string, string>
            {
                ["Input.Vin"] = CustomerTestData.NewVin(),
                ["Input.Brand"] = "丰田",
                ["Input.Model"] = "凯美瑞",
                ["Input.RegistrationStatus"] = nameof(RegistrationStatus.InProgress),
                ["Version"] = "0",
            }),
            "delivery" => ($"/Customers/{customer.Id}/Deliveries/Record", new Dictionary<string, string>
            {
                ["Input.VehicleId"] = (await CustomerTestData.AddVehicleAsync(factory, customer.Id)).Id.ToString(CultureInfo.InvariantCulture),
                ["Input.DeliveredAt"] = "2026-11-20T09:45",
                ["Input.SalespersonId"] = await CustomerTestData.UserIdAsync(factory, "salesperson2"),
                ["Input.PriceYuan"] = "150000",
                ["Input.PaymentMethod"] = nameof(PaymentMethod.FullPayment),
            }),
            _ => ($"/Customers/{customer.Id}/ServiceVisits/Record", new Dictionary<string, string>
            {
                ["Input.VehicleId"] = (await CustomerTestData.AddVehicleAsync(factory, customer.Id)).Id.ToString(CultureInfo.InvariantCulture),
                ["Input.VisitDate"] = "2026-11-20",
                ["Input.Mileage"] = "5000",
                ["Input.Type"] = nameof(ServiceVisitType.Maintenance),
                ["Input.ServiceAdvisorId"] = await CustomerTestData.UserIdAsync(factory, "serviceadvisor"),
                ["Input.AmountYuan"] = "300",
            }),
        };
        fields[field] = typed;

        using var response = await manager.PostFormAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal($"最多 {limit} 个字，已输入 10000 个字。", Html.FieldError(html, field));
        var kept = Html.Parse(html).QuerySelector($"[name='{field}']")!;
        Assert.Equal(typed, kept.LocalName == "textarea" ? kept.TextContent.TrimStart('\n') : kept.GetAttribute("value"));
    }

    [Theory]
    [InlineData("Input.WarrantyExpiry", "9999-12-31")]
    [InlineData("Input.InsuranceExpiry", "0001-01-01")]
    [InlineData("Input.FirstMaintenanceDue", "1989-12-31")]
    [InlineData("Input.FirstMaintenanceDue", "2101-01-01")]
    public async Task A_vehicle_date_outside_1990_to_2100_is_answered_with_the_input_kept(string field, string date)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "车辆日期校验");
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var form = new Dictionary<string, string>
        {
            ["Input.Vin"] = CustomerTestData.NewVin(),
            ["Input.Brand"] = "丰田",
            ["Input.Model"] = "凯美瑞",
            ["Input.RegistrationStatus"] = nameof(RegistrationStatus.InProgress),
            ["Version"] = "0",
        };
        form[field] = date;

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/Vehicles", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("日期应在 1990 年至 2100 年之间。", Html.FieldError(html, field));
        Assert.Equal(date, Html.InputValue(html, field));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customer.Id)));
    }

    [Theory]
    [InlineData("Input.VisitDate", "0001-01-01")]
    [InlineData("Input.VisitDate", "1989-12-31")]
    [InlineData("Input.NextMaintenanceDate", "9999-12-31")]
    public async Task A_service_visit_date_outside_the_plausible_range_is_answered_with_the_input_kept(string field, string date)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "保养日期校验");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        using var advisor = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);
        var form = new Dictionary<string, string>
        {
            ["Input.VehicleId"] = vehicle.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.VisitDate"] = "2026-11-20",
            ["Input.Mileage"] = "5000",
            ["Input.Type"] = nameof(ServiceVisitType.Maintenance),
            ["Input.WorkItems"] = "更换机油",
            ["Input.ServiceAdvisorId"] = await CustomerTestData.UserIdAsync(factory, "serviceadvisor"),
            ["Input.AmountYuan"] = "300",
        };
        form[field] = date;

        using var response = await advisor.PostFormAsync($"/Customers/{customer.Id}/ServiceVisits/Record", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("日期应在 1990 年至 2100 年之间。", Html.FieldError(html, field));
        Assert.Equal(date, Html.InputValue(html, field));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ServiceVisits.CountAsync(s => s.CustomerId == customer.Id)));
    }
}

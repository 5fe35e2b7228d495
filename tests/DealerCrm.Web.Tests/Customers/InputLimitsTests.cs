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
}

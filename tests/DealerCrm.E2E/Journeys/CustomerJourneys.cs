using System.Globalization;
using DealerCrm.Domain.Customers;
using DealerCrm.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>Customer files in the browser: the service desk finds a car by its plate and records its visit.</summary>
public sealed class CustomerJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_service_advisor_finds_a_customer_by_plate_and_records_a_service_visit()
    {
        // A customer with one car on file (so the form preselects it) and a service history to continue.
        var (customer, plate, lastMileage) = await site.Factory.WithDbAsync(async db =>
        {
            var vehicle = await db.Vehicles
                .Where(v => v.Plate != null && db.Vehicles.Count(o => o.CustomerId == v.CustomerId) == 1
                            && db.ServiceVisits.Count(s => s.VehicleId == v.Id) >= 2)
                .OrderBy(v => v.Id).Skip(3).FirstAsync();
            var owner = await db.Customers.SingleAsync(c => c.Id == vehicle.CustomerId);
            var mileage = await db.ServiceVisits.Where(s => s.VehicleId == vehicle.Id).MaxAsync(s => s.Mileage);
            return (owner, vehicle.Plate!, mileage);
        });
        var page = await site.NewPageAsync();
        await page.SignInAsync("serviceadvisor");

        // The plate, typed as people type it, into the one search box.
        await page.Locator("[data-nav='/Customers/Index']").ClickAsync();
        await page.GetByLabel("搜索客户").FillAsync(plate.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        var rows = page.GetByTestId("customers-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(customer.Number);
        await Assertions.Expect(rows.First).ToContainTextAsync(plate);
        await Assertions.Expect(rows.First).ToContainTextAsync(PhoneMask.Mask(customer.Mobile));
        await page.ScreenshotAsync("customers-search-by-plate");
        await page.AssertAccessibleAsync();

        await rows.First.GetByRole(AriaRole.Link, new() { Name = customer.Number }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-name")).ToContainTextAsync(customer.Name);
        await Assertions.Expect(page.GetByTestId("mobile")).ToHaveTextAsync(PhoneMask.Mask(customer.Mobile));
        await Assertions.Expect(page.GetByTestId("vehicles")).ToContainTextAsync(plate);
        await page.ScreenshotAsync("customer-file");
        await page.AssertAccessibleAsync();

        // The form: a mileage below the last visit's is caught, with everything typed kept.
        await page.GetByTestId("record-visit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "记录维修保养" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("visit-vehicle").Locator("option:checked")).ToContainTextAsync(plate);
        await page.GetByTestId("mileage").FillAsync((lastMileage - 500).ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "维修" });
        await page.GetByTestId("work-items").FillAsync("更换前刹车片，检查制动系统");
        await page.GetByTestId("amount").FillAsync("1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        var mileageError = page.Locator("div:has(> [data-testid='mileage']) .invalid-feedback");
        await Assertions.Expect(mileageError).ToHaveTextAsync($"里程低于该车之前记录的 {lastMileage.ToString("N0", CultureInfo.InvariantCulture)} 公里，请核对。");
        await Assertions.Expect(page.GetByTestId("mileage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));
        await Assertions.Expect(page.GetByTestId("work-items")).ToHaveValueAsync("更换前刹车片，检查制动系统");
        await Assertions.Expect(page.GetByTestId("amount")).ToHaveValueAsync("1280");
        await page.ScreenshotAsync("service-visit-form-error");
        await page.AssertAccessibleAsync();

        // Put right and saved: the visit heads the service history.
        var mileage = lastMileage + 4321;
        await page.GetByTestId("mileage").FillAsync(mileage.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/Customers/{customer.Id}");
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("维修保养记录已保存。");
        var newest = page.GetByTestId("visits").Locator("tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("更换前刹车片，检查制动系统");
        await Assertions.Expect(newest).ToContainTextAsync($"{mileage.ToString("N0", CultureInfo.InvariantCulture)} 公里");
        await Assertions.Expect(newest).ToContainTextAsync("¥1,280.00");
        await Assertions.Expect(newest).ToContainTextAsync("李强");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("维修（服务顾问 李强）");
        await page.ScreenshotAsync("customer-file-after-visit");
        await page.AssertAccessibleAsync();

        var visit = await site.Factory.WithDbAsync(db => db.ServiceVisits.Where(s => s.CustomerId == customer.Id).OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal((mileage, ServiceVisitType.Repair, "更换前刹车片，检查制动系统"), (visit.Mileage, visit.Type, visit.WorkItems));
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_customer_file_reads_on_a_tablet()
    {
        var customerId = await site.Factory.WithDbAsync(db => db.Customers
            .Where(c => c.Family.Any() && db.ServiceVisits.Count(s => s.CustomerId == c.Id) >= 2)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var page = await site.NewPageAsync(width: 820, height: 1180);
        await page.SignInAsync("csagent");

        await page.GotoAsync($"/Customers/{customerId}");

        await Assertions.Expect(page.GetByTestId("customer-name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("visits")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        // Nothing wider than the screen: tables scroll inside their own box.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the tablet");
        await page.ScreenshotAsync("customer-file-tablet");
        await page.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }
}

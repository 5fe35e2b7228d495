using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>A delivery made for a test, with the customer and vehicle it belongs to.</summary>
public sealed record TestDelivery(Customer Customer, Vehicle Vehicle, Delivery Delivery);

/// <summary>Arranging follow-up situations and reading the follow-up pages.</summary>
public static class FollowUpTestData
{
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A local time as the Chinese pages show it: 2026年11月24日 10:00.</summary>
    public static string Shown(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}");

    /// <summary>A local time as a datetime-local field sends it.</summary>
    public static string LocalField(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A customer of their own with a new vehicle delivered at <paramref name="deliveredLocal"/>
    /// (dealership time), written straight to the database: the job makes its tasks on its next run.
    /// </summary>
    public static async Task<TestDelivery> DeliverAsync(
        FollowUpFactory factory,
        string customerName,
        string salespersonId,
        DateTime deliveredLocal,
        string model = "凯美瑞",
        DateOnly? warrantyExpiry = null,
        Gender gender = Gender.Male)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, customerName, salespersonId: salespersonId,
            more: c => c.UpdateProfile(new CustomerProfile(CustomerKind.Person, customerName, gender, null, "工程师", PurchasePurpose.Family,
                SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null)));
        await using var scope = factory.Scope(out var db);
        var clock = factory.Clock;
        var vehicle = new Vehicle(customer.Id, CustomerTestData.NewVin(), new VehicleDetails(null, "丰田", model, "珍珠白",
            RegistrationStatus.InProgress, null, warrantyExpiry, clock.Today.AddMonths(6), 5000), clock.UtcNow);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        var delivery = new Delivery(vehicle.Id, customer.Id, clock.ToUtc(deliveredLocal), salespersonId, Money.FromYuan(189_800m),
            PaymentMethod.FullPayment, null, clock.UtcNow, "test");
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return new TestDelivery(customer, vehicle, delivery);
    }

    /// <summary>The delivery form as a salesperson fills it for a new vehicle.</summary>
    public static Dictionary<string, string> DeliveryForm(string deliveredAt, string salespersonId, string vin, string model = "RAV4荣放") => new()
    {
        ["Input.VehicleId"] = "",
        ["Input.DeliveredAt"] = deliveredAt,
        ["Input.SalespersonId"] = salespersonId,
        ["Input.PriceYuan"] = "209800",
        ["Input.PaymentMethod"] = nameof(PaymentMethod.FullPayment),
        ["Input.Notes"] = "",
        ["Input.Vehicle.Vin"] = vin,
        ["Input.Vehicle.Plate"] = "",
        ["Input.Vehicle.Brand"] = "丰田",
        ["Input.Vehicle.Model"] = model,
        ["Input.Vehicle.Color"] = "铂金银",
        ["Input.Vehicle.RegistrationStatus"] = nameof(RegistrationStatus.InProgress),
        ["Input.Vehicle.WarrantyExpiry"] = "2029-11-22",
        ["Input.Vehicle.FirstMaintenanceDue"] = "2027-05-22",
        ["Input.Vehicle.FirstMaintenanceMileage"] = "5000",
    };

    public static Task<List<FollowUpTask>> TasksOfCustomerAsync(DealerCrmFactory factory, int customerId) =>
        factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Answers).Include(t => t.Log).AsSplitQuery()
            .Where(t => t.CustomerId == customerId).OrderBy(t => t.Kind).ToListAsync());

    public static Task<FollowUpTask> TaskAsync(DealerCrmFactory factory, long taskId) =>
        factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Answers).Include(t => t.Log).AsSplitQuery()
            .SingleAsync(t => t.Id == taskId));

    public static async Task<FollowUpTask> TaskOfAsync(DealerCrmFactory factory, int customerId, FollowUpKind kind) =>
        (await TasksOfCustomerAsync(factory, customerId)).Single(t => t.Kind == kind);

    /// <summary>Every task listed on a tab of the user's queue, all pages: (task id, kind).</summary>
    public static async Task<IReadOnlyList<(long Id, FollowUpKind Kind)>> QueueAsync(SiteClient client, QueueTab tab)
    {
        var rows = new List<(long, FollowUpKind)>();
        for (var page = 1; ; page++)
        {
            var html = await client.GetHtmlAsync($"/FollowUps?tab={tab}&p={page}");
            rows.AddRange(Html.Parse(html).QuerySelectorAll("tr[data-task][data-kind]").Select(row => (long.Parse(row.GetAttribute("data-task")!, CultureInfo.InvariantCulture), Enum.Parse<FollowUpKind>(row.GetAttribute("data-kind")!))));
            if (Html.Has(html, "queue-empty") || page >= (Html.Total(html) + 19) / 20)
            {
                return rows;
            }
        }
    }

    /// <summary>The counts on the queue's three tabs.</summary>
    public static QueueCounts TabCounts(string html) => new(TabCount(html, QueueTab.Overdue), TabCount(html, QueueTab.Today), TabCount(html, QueueTab.Upcoming));

    /// <summary>The count in the navigation's follow-up badge (no badge: 0; "99+": 100).</summary>
    public static int NavBadge(string html) =>
        Html.Parse(html).QuerySelector("[data-testid='nav-badge-FollowUps']") is { } badge ? Count(badge.TextContent.Trim()) : 0;

    /// <summary>A count as shown: "99+" (which Razor writes as 99&amp;#x2B;) reads as one past the cap.</summary>
    public static int Count(string shown) =>
        WebUtility.HtmlDecode(shown) is var text && text == CappedCount.Show(CappedCount.Limit) ? CappedCount.Limit : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The flash message of a page, decoded; null when there is none.</summary>
    public static string? Flash(string html) =>
        Html.Parse(html).QuerySelector("[data-testid='flash']") is { } flash
            ? string.Concat(flash.ChildNodes.TakeWhile(n => n is not IElement { LocalName: "button" }).Select(n => n.TextContent)).Trim()
            : null;

    /// <summary>Follows a redirect and returns the page it leads to (its flash message included).</summary>
    public static async Task<string> FollowAsync(SiteClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetHtmlAsync(redirect.Headers.Location!.OriginalString);
    }

    /// <summary>An antiforgery token from a page every signed-in user opens (the home page of some is a redirect to the cockpit).</summary>
    public static async Task<string> TokenAsync(SiteClient client, string pageUrl = "/Account/ChangePassword") => SiteClient.AntiforgeryToken(await client.GetHtmlAsync(pageUrl));

    /// <summary>The rows of a simple table (td texts, decoded, tags stripped).</summary>
    public static IReadOnlyList<string[]> TableRows(string tableHtml) =>
        Html.Parse(tableHtml).QuerySelectorAll("tr")
            .Select(row => row.Children.Where(cell => cell.LocalName == "td").Select(cell => cell.TextContent.Trim()).ToArray())
            .Where(cells => cells.Length > 0)
            .ToList();

    private static int TabCount(string html, QueueTab tab) =>
        Count(Html.TextOf(html, $"count-{tab}"));
}

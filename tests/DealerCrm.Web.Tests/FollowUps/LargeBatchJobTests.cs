using System.Globalization;
using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>The job's default batch, no demo customers, the timer off.</summary>
public sealed class LargeBatchFactory : DealerCrmFactory
{
    /// <summary>The go-live run the tests share: 2,000 old deliveries, then the job's first run.</summary>
    public Task<FollowUpJob.Result>? GoLive { get; set; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        ["Demo:Customers"] = "0",
    };
}

/// <summary>A dealership that starts using the system with years of deliveries already on file (go-live).</summary>
public sealed class LargeBatchJobTests(LargeBatchFactory factory) : IClassFixture<LargeBatchFactory>
{
    /// <summary>Deliveries of the last six days: their letters and calls are still owed.</summary>
    private const int Deliveries = 2_000;

    /// <summary>Deliveries of two and a half to three years ago: history, past serving.</summary>
    private const int OldDeliveries = 500;

    // SQL Server's limit of parameters in one statement; a batch used to look its tasks up in one query.
    private const int SqlServerParameterLimit = 2_100;

    [Fact]
    public async Task A_first_run_over_years_of_history_creates_what_can_still_serve_and_counts_what_cannot()
    {
        var first = await GoLiveAsync();

        Assert.True(first.Created > SqlServerParameterLimit, $"only {first.Created} tasks: the batch no longer exceeds the limit it tests");
        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.Select(t => new { t.Key, t.Kind, t.Status, t.IsOverdue, t.DueUtc, t.OccasionDate, t.DeliveryId }).ToListAsync());
        Assert.Equal(tasks.Count, tasks.Select(t => t.Key).Distinct().Count());
        var recent = await factory.WithDbAsync(db => db.Deliveries.OrderByDescending(d => d.Id).Take(Deliveries).Select(d => d.Id).ToListAsync());
        // The letter and both calls after each recent delivery: still owed, none left out.
        foreach (var duty in new[] { FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall })
        {
            Assert.Equal(Deliveries, tasks.Count(t => t.Kind == duty));
            Assert.All(tasks.Where(t => t.Kind == duty), t => Assert.Contains(t.DeliveryId!.Value, recent));
        }

        Assert.True(tasks.Count(t => t.IsOverdue) > 1_000, "the letters and first calls of deliveries over a day old are overdue");

        // Years-old deliveries: their letters and calls can no longer serve and are counted, not
        // created; their care occasions start from the first one still ahead.
        var skipped = await factory.WithDbAsync(db => db.FollowUpSkipCounts.ToDictionaryAsync(c => c.Kind, c => c.Count));
        Assert.Equal((OldDeliveries, OldDeliveries, OldDeliveries), (skipped[FollowUpKind.ThankYouLetter], skipped[FollowUpKind.FirstCall], skipped[FollowUpKind.SecondCall]));
        Assert.True(skipped[FollowUpKind.RegularContact] >= OldDeliveries * 14, "every two-monthly contact already behind was left out");
        var today = factory.Services.GetRequiredService<DealershipClock>().Today;
        Assert.DoesNotContain(tasks, t => t.Kind.IsOccasion() && t.OccasionDate < today);
        Assert.Contains(tasks, t => t.Kind == FollowUpKind.RegularContact);
        Assert.DoesNotContain(tasks, t => t.Status == FollowUpStatus.Missed);
        Assert.Equal(0, (await RunJobAsync()).Created);

        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var overview = Html.Section(await manager.GetHtmlAsync("/FollowUps/Overview"), "skipped-by-kind");
        Assert.Contains(skipped[FollowUpKind.RegularContact].ToString(CultureInfo.InvariantCulture), overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_of_thousands_is_counted_to_99_plus_and_pages_through_the_first_hundred_by_due_time()
    {
        await GoLiveAsync();
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var userId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var overdue = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Status == FollowUpStatus.Open && t.OwnerUserId == userId && t.DueUtc < now)
            .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Assert.True(overdue.Count > CappedCount.Limit, $"only {overdue.Count} overdue: the queue no longer passes the cap");

        // Razor writes the "+" as &#x2B;: read the page as the browser shows it.
        var first = WebUtility.HtmlDecode(await salesperson.GetHtmlAsync("/FollowUps"));
        Assert.Contains("data-testid=\"count-Overdue\">99+<", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-badge-FollowUps\">99+<", first, StringComparison.Ordinal);
        Assert.Contains("共 99+ 条", first, StringComparison.Ordinal);
        Assert.Equal("1", Html.TextOf(first, "pager-current"));
        Assert.True(Html.Has(first, "pager-page-5"), "The fifth (last) page is numbered.");
        Assert.True(Html.Has(first, "queue-capped"));
        Assert.Equal(overdue.Take(IndexModel.PageSize), QueueIds(first));

        // Page 2 goes on where page 1 stopped; past the last page shows the last, the 81st to 100th due.
        Assert.Equal(overdue.Skip(IndexModel.PageSize).Take(IndexModel.PageSize), QueueIds(await salesperson.GetHtmlAsync("/FollowUps?tab=Overdue&p=2")));
        var last = await salesperson.GetHtmlAsync("/FollowUps?tab=Overdue&p=9999");
        Assert.Equal("5", Html.TextOf(last, "pager-current"));
        Assert.Equal(overdue.Skip(CappedCount.Limit - IndexModel.PageSize).Take(IndexModel.PageSize), QueueIds(last));
    }

    private static IReadOnlyList<long> QueueIds(string html) =>
        [.. Html.Parse(html).QuerySelectorAll("tr[data-task]").Select(row => long.Parse(row.GetAttribute("data-task")!, CultureInfo.InvariantCulture))];

    private Task<FollowUpJob.Result> GoLiveAsync() => factory.GoLive ??= SeedAndRunAsync();

    private async Task<FollowUpJob.Result> SeedAndRunAsync()
    {
        await SeedDeliveriesAsync(Deliveries + OldDeliveries);
        return await RunJobAsync();
    }

    private async Task<FollowUpJob.Result> RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>One car each: the first few hundred delivered between 30 and 36 months ago, the rest over the last six days.</summary>
    private Task SeedDeliveriesAsync(int count) => factory.WithDbAsync(async db =>
    {
        var clock = factory.Services.GetRequiredService<DealershipClock>();
        var now = clock.UtcNow;
        var salesperson = await db.Users.Where(u => u.UserName == "salesperson").Select(u => u.Id).SingleAsync();
        var customers = Enumerable.Range(1, count).Select(i =>
        {
            var customer = new Customer(CustomerNumber.Format(2023, 500_000 + i), CustomerKind.Person, $"老客户{i}", now.AddYears(-3), "test");
            customer.UpdateContact(new ContactDetails($"1391{i:0000000}", [], null, null), now.AddYears(-3), "test");
            customer.AssignSalesperson(salesperson);
            return customer;
        }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();

        var vehicles = customers.Select((customer, i) =>
        {
            var vin = $"LSVAB41Z{i % 10}NA{i + 100_000:000000}";
            vin = vin[..8] + Vin.CheckDigit(vin) + vin[9..];
            var delivered = i < OldDeliveries ? now.AddDays(-920 - (i % 180)) : now.AddMinutes(-(i * 7 % (6 * 24 * 60)));
            return new Vehicle(customer.Id, vin, new VehicleDetails(null, "大众", "帕萨特", null, RegistrationStatus.Registered,
                clock.LocalDateOf(delivered).AddYears(1), clock.LocalDateOf(delivered).AddYears(3), null, null), delivered);
        }).ToList();
        db.Vehicles.AddRange(vehicles);
        await db.SaveChangesAsync();

        db.Deliveries.AddRange(vehicles.Select(v => new Delivery(v.Id, v.CustomerId, v.CreatedUtc, salesperson, Money.FromYuan(180_000), PaymentMethod.FullPayment, null, now, "test")));
        await db.SaveChangesAsync();
    });
}

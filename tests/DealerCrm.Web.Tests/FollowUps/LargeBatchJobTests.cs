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
    private const int Deliveries = 2_000;

    // SQL Server's limit of parameters in one statement; a batch used to look its tasks up in one query.
    private const int SqlServerParameterLimit = 2_100;

    [Fact]
    public async Task A_first_run_over_a_full_batch_of_old_deliveries_creates_their_duties_overdue_and_leaves_long_past_occasions_out()
    {
        var first = await GoLiveAsync();

        Assert.True(first.Created > SqlServerParameterLimit, $"only {first.Created} tasks: the batch no longer exceeds the limit it tests");
        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.Select(t => new { t.Key, t.Kind, t.Status, t.IsOverdue, t.DueUtc }).ToListAsync());
        Assert.Equal(tasks.Count, tasks.Select(t => t.Key).Distinct().Count());
        // The letter and both calls after each delivery: still owed, overdue, not silently skipped.
        foreach (var duty in new[] { FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall })
        {
            var ofKind = tasks.Where(t => t.Kind == duty).ToList();
            Assert.Equal(Deliveries, ofKind.Count);
            Assert.All(ofKind, t => Assert.True(t.Status == FollowUpStatus.Open && t.IsOverdue, $"{t.Key} {t.Status}"));
        }

        // Two-monthly contacts and anniversaries whose window closed long ago were never anyone's to make.
        Assert.DoesNotContain(tasks, t => t.Status == FollowUpStatus.Missed);
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Assert.DoesNotContain(tasks, t => t.Kind == FollowUpKind.RegularContact && t.DueUtc < now.AddDays(-30));
        Assert.Equal(0, (await RunJobAsync()).Created);
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
        await SeedOldDeliveriesAsync(Deliveries);
        return await RunJobAsync();
    }

    private async Task<FollowUpJob.Result> RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>One car each, delivered between 30 and 36 months ago.</summary>
    private Task SeedOldDeliveriesAsync(int count) => factory.WithDbAsync(async db =>
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
            var delivered = now.AddDays(-920 - (i % 180));
            return new Vehicle(customer.Id, vin, new VehicleDetails(null, "大众", "帕萨特", null, RegistrationStatus.Registered,
                clock.LocalDateOf(delivered).AddYears(1), clock.LocalDateOf(delivered).AddYears(3), null, null), delivered);
        }).ToList();
        db.Vehicles.AddRange(vehicles);
        await db.SaveChangesAsync();

        db.Deliveries.AddRange(vehicles.Select(v => new Delivery(v.Id, v.CustomerId, v.CreatedUtc, salesperson, Money.FromYuan(180_000), PaymentMethod.FullPayment, null, now, "test")));
        await db.SaveChangesAsync();
    });
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Reporting;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Web.Tests.Cockpit;

/// <summary>The cockpit's counts reused for a minute (<see cref="ReportFiguresCache"/>), by the dealership's clock.</summary>
public sealed class ReportFiguresCacheTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_visit_entered_shows_on_the_cockpit_once_its_minute_of_counts_has_passed()
    {
        using var manager = await SiteClient.SignedInAsync(factory, Roles.GeneralManager);
        var before = await VisitsAsync(manager);

        var customer = await CustomerTestData.CreateCustomerAsync(factory, "缓存客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        var advisor = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(factory.Clock.Today, 20_000, ServiceVisitType.Maintenance, "保养", advisor, Money.FromYuan(600), null, null), factory.Clock.UtcNow, "test"));
            await db.SaveChangesAsync();
        });

        factory.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(before, await VisitsAsync(manager));
        factory.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, await VisitsAsync(manager));
    }

    [Fact]
    public async Task Requests_arriving_while_the_figures_are_counted_wait_for_that_one_count()
    {
        var cache = Cache(new FakeTimeProvider(DealerCrmFactory.DefaultStart));
        var counts = 0;
        var release = new TaskCompletionSource<string>();
        Task<string> Count()
        {
            Interlocked.Increment(ref counts);
            return release.Task;
        }

        var first = cache.GetOrCountAsync("week", Count);
        var second = cache.GetOrCountAsync("week", Count);
        release.SetResult("figures");
        Assert.Equal(["figures", "figures"], await Task.WhenAll(first, second));
        Assert.Equal(1, counts);
    }

    [Fact]
    public async Task A_count_that_failed_is_not_kept_and_no_lifetime_counts_every_time()
    {
        var time = new FakeTimeProvider(DealerCrmFactory.DefaultStart);
        var cache = Cache(time);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCountAsync<string>("week", () => throw new InvalidOperationException("database gone")));
        Assert.Equal("counted", await cache.GetOrCountAsync("week", () => Task.FromResult("counted")));
        Assert.Equal("counted", await cache.GetOrCountAsync("week", () => Task.FromResult("again")));

        var uncached = Cache(time, seconds: 0);
        Assert.Equal("one", await uncached.GetOrCountAsync("week", () => Task.FromResult("one")));
        Assert.Equal("two", await uncached.GetOrCountAsync("week", () => Task.FromResult("two")));
    }

    private static ReportFiguresCache Cache(TimeProvider time, int? seconds = null) => new(time,
        new ConfigurationBuilder().AddInMemoryCollection(seconds is { } s ? new Dictionary<string, string?> { ["Reports:FiguresCacheSeconds"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) } : []).Build());

    private static async Task<int> VisitsAsync(SiteClient manager) =>
        int.Parse(Html.TextOf(await manager.GetHtmlAsync("/Cockpit"), "kpi-visits-value"), System.Globalization.CultureInfo.InvariantCulture);
}

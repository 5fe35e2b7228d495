using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Reporting;
using DealerCrm.Web.Infrastructure.Reporting;
using DealerCrm.Web.Pages.Cockpit;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Cockpit;

/// <summary>
/// The cockpit counts its trend in one query a figure, grouped by period in SQL; each period's
/// figures must be those of the single-period queries its drill-down lists and the overview use.
/// </summary>
public sealed class TrendByPeriodTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Theory]
    [InlineData(PeriodKind.Week)]
    [InlineData(PeriodKind.Month)]
    [InlineData(PeriodKind.Quarter)]
    public async Task Each_periods_figures_counted_together_equal_the_figures_counted_alone(PeriodKind kind)
    {
        var clock = factory.Clock;
        var today = clock.Today;
        // A repair on the last day of last week and its repeat on the first day of this one, on
        // either side of a boundary; the same on a month's last and first day.
        var thisWeek = ReportPeriod.Containing(PeriodKind.Week, today);
        var thisMonth = ReportPeriod.Containing(PeriodKind.Month, today);
        await AddRepairsAsync("周界客户", thisWeek.From.AddDays(-1), thisWeek.From);
        await AddRepairsAsync("月界客户", thisMonth.From.AddDays(-1), thisMonth.From);

        var periods = PeriodChoice.Trend(ReportPeriod.Containing(kind, today), 12);
        await using var scope = factory.Services.CreateAsyncScope();
        var stats = scope.ServiceProvider.GetRequiredService<FollowUpStats>();
        var service = scope.ServiceProvider.GetRequiredService<ServiceFigures>();

        var rates = await stats.TotalsByPeriodAsync(periods, null, CancellationToken.None);
        var warranty = await stats.TotalsByPeriodAsync(periods, stats.UnderWarranty, CancellationToken.None);
        var growth = await service.ByPeriodAsync(periods, 30, CancellationToken.None);

        Assert.Equal(periods.Count, rates.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var due = stats.DueIn(period.From, period.Through);
            Assert.Equal(await stats.TotalAsync(due, CancellationToken.None), rates[i]);
            Assert.Equal(await stats.TotalAsync(stats.UnderWarranty(due), CancellationToken.None), warranty[i]);
            Assert.Equal(
                new GrowthFigures(
                    await service.Deliveries(period).CountAsync(),
                    await service.Visits(period).CountAsync(),
                    await service.RepeatRepairAsync(period, 30, CancellationToken.None)),
                growth[i]);
        }

        // Not an agreement of nothing with nothing: the demo's year has tasks done and deliveries,
        // and this period has the repeat repair made above.
        Assert.Contains(rates, r => r.Done > 0);
        Assert.Contains(growth, g => g.Deliveries > 0);
        Assert.True(growth[^1].RepeatRepairs.Repeats > 0, "this period's repeat repair");
    }

    [Fact]
    public void Periods_whose_ends_do_not_ascend_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PeriodBuckets.Of<ServiceVisit, DateOnly>(v => v.VisitDate, [new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)]));
    }

    private async Task AddRepairsAsync(string name, params DateOnly[] days)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, name);
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id);
        var advisor = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        await factory.WithDbAsync(async db =>
        {
            foreach (var day in days)
            {
                db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(day, 20_000, ServiceVisitType.Repair, "检修", advisor, Money.FromYuan(800), null, null), factory.Clock.UtcNow, "test"));
            }

            await db.SaveChangesAsync();
        });
    }
}

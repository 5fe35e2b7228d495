using DealerCrm.Domain.FollowUps;

namespace DealerCrm.Web.Tests.Csi;

public sealed class SamplingJobTests(CsiFactory factory) : IClassFixture<CsiFactory>
{
    [Fact]
    public async Task A_recent_buyer_gets_one_ssi_task_and_is_not_asked_again_within_the_interval()
    {
        var first = await factory.CustomerAsync("抽样客户甲", monthsAgo: 0, advisorLogin: null, daysAgo: 10);
        await factory.RunCsiJobAsync();
        await factory.RunCsiJobAsync();

        var task = Assert.Single(await factory.SurveyTasksAsync(first.Customer.Id));
        Assert.Equal((FollowUpKind.SsiSurvey, first.Delivery.Id, first.Delivery.SalespersonId), (task.Kind, task.DeliveryId, task.ExcludedUserId));

        // Five months on the customer comes for service: their purchase is now in the CSI window, but they were asked within six months.
        factory.Advance(TimeSpan.FromDays(150));
        await using (var scope = factory.Scope(out var db))
        {
            db.ServiceVisits.Add(new DealerCrm.Domain.Customers.ServiceVisit(first.Vehicle.Id, first.Customer.Id,
                new DealerCrm.Domain.Customers.ServiceVisitDetails(factory.Clock.Today, 8000, DealerCrm.Domain.Customers.ServiceVisitType.Maintenance, "首保", first.Delivery.SalespersonId,
                    DealerCrm.Domain.Common.Money.FromYuan(0m), null, null), factory.Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        }

        await factory.RunCsiJobAsync();
        Assert.Single(await factory.SurveyTasksAsync(first.Customer.Id));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(7, true)]
    [InlineData(23, true)]
    [InlineData(30, false)]
    public async Task Csi_goes_only_to_customers_6_to_24_months_from_purchase_who_came_for_service(int monthsAgo, bool asked)
    {
        var customer = await factory.CustomerAsync($"抽样客户{monthsAgo}", monthsAgo);
        await factory.RunCsiJobAsync();

        var tasks = await factory.SurveyTasksAsync(customer.Customer.Id);
        Assert.Equal(asked, tasks.Any(t => t.Kind == FollowUpKind.CsiSurvey));
    }
}

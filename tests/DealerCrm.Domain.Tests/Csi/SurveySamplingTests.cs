using DealerCrm.Domain.Csi;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Csi;

public sealed class SurveySamplingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly SurveySampling _sampling = new(new CsiPolicy());

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Theory]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(31, false)]
    [InlineData(-1, false)]
    public void Ssi_goes_to_buyers_within_a_month_of_the_delivery(int daysAgo, bool eligible)
    {
        Assert.Equal(eligible, _sampling.IsSsiEligible(Now.AddDays(-daysAgo), Now));
    }

    [Theory]
    [InlineData(5, 3, false)]
    [InlineData(6, 3, true)]
    [InlineData(18, 0, true)]
    [InlineData(24, 3, true)]
    [InlineData(25, 3, false)]
    [InlineData(12, 20, false)]
    public void Csi_goes_to_customers_6_to_24_months_from_purchase_after_a_recent_service_visit(int purchaseMonthsAgo, int visitDaysAgo, bool eligible)
    {
        Assert.Equal(eligible, _sampling.IsCsiEligible(Now.AddMonths(-purchaseMonthsAgo), Today.AddDays(-visitDaysAgo), Now, Today));
    }

    [Fact]
    public void The_windows_move_with_the_clock()
    {
        var delivered = Now.AddDays(-20);
        Assert.True(_sampling.IsSsiEligible(delivered, Now));

        _time.Advance(TimeSpan.FromDays(11));

        Assert.False(_sampling.IsSsiEligible(delivered, Now));
    }

    [Fact]
    public void Nobody_is_asked_more_often_than_the_setting_allows()
    {
        Assert.True(_sampling.MayAskAgain(null, Now));
        Assert.False(_sampling.MayAskAgain(Now.AddMonths(-5), Now));
        Assert.True(_sampling.MayAskAgain(Now.AddMonths(-6), Now));

        var stricter = new SurveySampling(new CsiPolicy { MinMonthsBetweenSurveys = 12 });
        Assert.False(stricter.MayAskAgain(Now.AddMonths(-6), Now));
    }

    [Fact]
    public void A_survey_task_waits_in_the_cs_agents_pool_and_never_goes_to_the_person_it_rates()
    {
        var csi = _sampling.PlanCsi(11, 7, 9, "advisor-1", "clerk-1", Today, Now);
        var ssi = _sampling.PlanSsi(12, 7, 9, "sales-1", Today, Now);

        Assert.Equal((FollowUpKind.CsiSurvey, Roles.CsAgent, (string?)null, "advisor-1", "clerk-1"), (csi.Kind, csi.OwnerRole, csi.OwnerUserId, csi.ExcludedUserId, csi.AlsoExcludedUserId));
        Assert.Equal((FollowUpKind.SsiSurvey, "sales-1", "ssi:12"), (ssi.Kind, ssi.ExcludedUserId, ssi.Key));
        Assert.Equal(Now.AddDays(3), csi.DueUtc);
        Assert.Equal("csi:11", csi.Key);
        Assert.True(csi.Kind.IsSurvey());
    }
}

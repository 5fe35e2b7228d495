using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;

namespace DealerCrm.Domain.Tests.FollowUps;

/// <summary>
/// The questions the job asks the cadence for each new day: which source dates have an occasion
/// on it. Each answer must agree with what the cadence plans for those facts.
/// </summary>
public sealed class CadenceDayQuestionTests
{
    [Fact]
    public void A_29_February_birthday_falls_on_28_February_in_other_years_and_on_the_day_in_leap_years()
    {
        var feb28 = FollowUpCadence.BirthDatesFallingOn(new DateOnly(2027, 2, 28));
        Assert.Contains(new DateOnly(1980, 2, 29), feb28);
        Assert.Contains(new DateOnly(1981, 2, 28), feb28);

        var leapFeb28 = FollowUpCadence.BirthDatesFallingOn(new DateOnly(2028, 2, 28));
        Assert.DoesNotContain(new DateOnly(1980, 2, 29), leapFeb28);
        Assert.Contains(new DateOnly(1980, 2, 29), FollowUpCadence.BirthDatesFallingOn(new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Birth_dates_on_a_day_are_exactly_those_whose_birthday_that_year_is_the_day()
    {
        foreach (var day in new[] { new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), new DateOnly(2026, 11, 30) })
        {
            var dates = FollowUpCadence.BirthDatesFallingOn(day);
            Assert.All(dates, d => Assert.Equal(day, FollowUpCadence.BirthdayIn(d, day.Year)));
            Assert.Equal(day.Year - PlausibleDates.EarliestBirthday.Year + 1, dates.Count);
        }
    }

    [Fact]
    public void An_insurance_expiring_on_29_February_is_reminded_30_days_before_28_February_in_later_years()
    {
        var cadence = Cadence.Default;
        var facts = new InsuranceFacts(1, 1, new DateOnly(2024, 2, 29), new DateOnly(2024, 1, 1), true);
        var reminders = cadence.ForInsurance(facts, new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(new DateOnly(2027, 1, 29), reminder.OccasionDate);

        // The day question finds the same expiry on that day, not on another.
        Assert.Contains(new DateOnly(2024, 2, 29), cadence.InsuranceExpiriesWithReminderOn(new DateOnly(2027, 1, 29), new DateOnly(2024, 2, 29)));
        Assert.DoesNotContain(new DateOnly(2024, 2, 29), cadence.InsuranceExpiriesWithReminderOn(new DateOnly(2027, 1, 30), new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void The_renewal_day_question_agrees_with_the_plan_for_every_expiry_of_four_years()
    {
        var cadence = Cadence.Default;
        var earliest = new DateOnly(2023, 1, 1);
        for (var expiry = earliest; expiry < new DateOnly(2027, 1, 1); expiry = expiry.AddDays(1))
        {
            var facts = new InsuranceFacts(1, 1, expiry, earliest, true);
            foreach (var reminder in cadence.ForInsurance(facts, new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)))
            {
                Assert.Contains(expiry, cadence.InsuranceExpiriesWithReminderOn(reminder.OccasionDate, earliest));
            }
        }
    }

    [Fact]
    public void A_visit_s_revisit_day_is_asked_back_three_days()
    {
        Assert.Equal([new DateOnly(2026, 11, 27)], Cadence.Default.ServiceVisitDaysWithRevisitOn(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_revisit_excludes_the_advisor_and_whoever_entered_the_visit_for_them()
    {
        var through = new DateOnly(2026, 12, 31);
        var byAnother = Assert.Single(Cadence.Default.ForServiceVisit(new ServiceVisitFacts(1, 1, 1, new DateOnly(2026, 11, 20), "advisor-1", true, "advisor-2"), DateOnly.MinValue, through));
        Assert.Equal(("advisor-1", "advisor-2"), (byAnother.ExcludedUserId, byAnother.AlsoExcludedUserId));
        var byThemselves = Assert.Single(Cadence.Default.ForServiceVisit(new ServiceVisitFacts(2, 1, 1, new DateOnly(2026, 11, 20), "advisor-1", true, "advisor-1"), DateOnly.MinValue, through));
        Assert.Equal(("advisor-1", null), (byThemselves.ExcludedUserId, byThemselves.AlsoExcludedUserId));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(1989, 12, 31)]
    public void An_implausible_insurance_expiry_is_refused_not_computed_with(int year, int month, int day)
    {
        var facts = new InsuranceFacts(7, 1, new DateOnly(year, month, day), new DateOnly(2020, 1, 1), true);
        var error = Assert.Throws<ImplausibleDateException>(() => Cadence.Default.ForInsurance(facts, DateOnly.MinValue, new DateOnly(2027, 1, 1)).ToList());
        Assert.Contains($"{year:0000}-{month:00}-{day:00}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implausible_birthday_or_visit_date_is_refused()
    {
        Assert.Throws<ImplausibleDateException>(() => Cadence.Default.ForBirthday(new BirthdayFacts(1, null, new DateOnly(1899, 12, 31), null, new DateOnly(2020, 1, 1), true), DateOnly.MinValue, new DateOnly(2027, 1, 1)).ToList());
        Assert.Throws<ImplausibleDateException>(() => Cadence.Default.ForServiceVisit(new ServiceVisitFacts(1, 1, 1, new DateOnly(1, 1, 1), "sa", true), DateOnly.MinValue, new DateOnly(2027, 1, 1)).ToList());
        Assert.Throws<ImplausibleDateException>(() => Cadence.Default.ForDelivery(Cadence.Delivery(new DateTime(1, 1, 2, 0, 0, 0, DateTimeKind.Utc)), DateOnly.MinValue, new DateOnly(2027, 1, 1)).ToList());
    }
}

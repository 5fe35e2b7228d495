using DealerCrm.Domain.FollowUps;

namespace DealerCrm.Domain.Tests.FollowUps;

/// <summary>What the job creates for facts it sees for the first time, late (issue 11, points 3 and 4).</summary>
public sealed class GoLiveHistoryTests
{
    private static readonly DateTime GoLive = Cadence.Utc(2026, 11, 30, 10, 0);

    [Fact]
    public void Time_bound_duties_first_seen_up_to_seven_days_after_due_are_created_and_later_ones_are_not()
    {
        // Delivered 8 days ago at 09:00: letter and first call due 7 days ago at 09:00 (exactly 7 days + 1 h late).
        var eightDaysAgo = Cadence.Through(Cadence.Delivery(GoLive.AddDays(-8).AddHours(-1)), new DateOnly(2026, 12, 7));
        var letter = Assert.Single(eightDaysAgo, t => t.Kind == FollowUpKind.ThankYouLetter);
        Assert.True(Cadence.Default.TooLateWhenFirstSeen(letter, GoLive));
        var secondCall = Assert.Single(eightDaysAgo, t => t.Kind == FollowUpKind.SecondCall);
        Assert.False(Cadence.Default.TooLateWhenFirstSeen(secondCall, GoLive));

        // Seven days past due to the minute is still within the allowance.
        var sevenDaysAgo = Cadence.Through(Cadence.Delivery(GoLive.AddDays(-8)), new DateOnly(2026, 12, 7));
        Assert.False(Cadence.Default.TooLateWhenFirstSeen(Assert.Single(sevenDaysAgo, t => t.Kind == FollowUpKind.FirstCall), GoLive));
    }

    [Fact]
    public void The_allowance_is_a_setting()
    {
        var cadence = new FollowUpCadence(new Settings.FollowUpPolicy { SkipTimeBoundFirstSeenDaysAfterDue = 30 }, Cadence.Beijing);
        var tasks = cadence.ForDelivery(Cadence.Delivery(GoLive.AddDays(-20)), DateOnly.MinValue, new DateOnly(2026, 12, 7)).ToList();
        Assert.All(tasks.Where(t => !t.Kind.IsOccasion()), t => Assert.False(cadence.TooLateWhenFirstSeen(t, GoLive)));
    }

    [Fact]
    public void A_revisit_three_days_after_a_visit_follows_the_same_allowance()
    {
        var old = Cadence.Default.ForServiceVisit(new ServiceVisitFacts(1, 10, 100, new DateOnly(2026, 11, 10), "advisor-1", true), DateOnly.MinValue, new DateOnly(2026, 12, 7)).Single();
        var recent = Cadence.Default.ForServiceVisit(new ServiceVisitFacts(2, 10, 100, new DateOnly(2026, 11, 22), "advisor-1", true), DateOnly.MinValue, new DateOnly(2026, 12, 7)).Single();
        Assert.True(Cadence.Default.TooLateWhenFirstSeen(old, GoLive));
        Assert.False(Cadence.Default.TooLateWhenFirstSeen(recent, GoLive));
    }

    [Fact]
    public void Care_occasions_are_created_only_from_the_first_one_still_ahead()
    {
        // A customer delivered years ago: every contact and anniversary before today is past serving,
        // today's and those ahead are not, even while an earlier one's window is still open.
        var tasks = Cadence.Through(Cadence.Delivery(Cadence.Utc(2024, 9, 28, 10, 0)), new DateOnly(2026, 12, 7));
        var contacts = tasks.Where(t => t.Kind == FollowUpKind.RegularContact).ToList();
        Assert.Contains(contacts, t => t.OccasionDate == new DateOnly(2026, 11, 28));
        Assert.All(contacts, t => Assert.Equal(t.OccasionDate < new DateOnly(2026, 11, 30), Cadence.Default.TooLateWhenFirstSeen(t, GoLive)));

        var birthday = new BirthdayFacts(10, null, new DateOnly(1980, 11, 30), "sales-1", new DateOnly(2020, 1, 1), true);
        var greetings = Cadence.Default.ForBirthday(birthday, DateOnly.MinValue, new DateOnly(2026, 12, 7)).Where(t => t.Kind == FollowUpKind.BirthdayGreeting).ToList();
        Assert.Equal([new DateOnly(2026, 11, 30)], greetings.Where(t => !Cadence.Default.TooLateWhenFirstSeen(t, GoLive)).Select(t => t.OccasionDate));
    }

    [Fact]
    public void A_vehicle_entered_less_than_30_days_before_its_insurance_expires_is_reminded_the_day_it_is_known()
    {
        var facts = new InsuranceFacts(7, 10, new DateOnly(2026, 12, 15), new DateOnly(2026, 11, 30), true);
        var reminder = Assert.Single(Cadence.Default.ForInsurance(facts, new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 7)));
        Assert.Equal(new DateOnly(2026, 11, 30), reminder.OccasionDate);
        Assert.Equal("Insurance:V7:20261215", reminder.Key);
        Assert.False(Cadence.Default.TooLateWhenFirstSeen(reminder, GoLive));

        // Next year's reminder keeps its usual day, 30 days ahead.
        var nextYear = Cadence.Default.ForInsurance(facts, new DateOnly(2026, 12, 7), new DateOnly(2027, 12, 31)).Single();
        Assert.Equal(new DateOnly(2027, 11, 15), nextYear.OccasionDate);
    }

    [Fact]
    public void An_insurance_already_expired_when_the_vehicle_is_entered_gets_no_reminder_for_that_expiry()
    {
        var facts = new InsuranceFacts(7, 10, new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30), true);
        Assert.Empty(Cadence.Default.ForInsurance(facts, new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void A_birthday_corrected_within_a_year_is_a_new_occasion_with_its_own_key()
    {
        var before = new BirthdayFacts(10, null, new DateOnly(1980, 3, 5), "sales-1", new DateOnly(2026, 1, 1), true);
        var after = before with { Birthday = new DateOnly(1980, 12, 3) };
        var oldKey = Cadence.Default.ForBirthday(before, DateOnly.MinValue, new DateOnly(2026, 12, 31)).First(t => t.Kind == FollowUpKind.BirthdayGreeting).Key;
        var newKey = Cadence.Default.ForBirthday(after, DateOnly.MinValue, new DateOnly(2026, 12, 31)).First(t => t.Kind == FollowUpKind.BirthdayGreeting).Key;
        Assert.Equal(("BirthdayGreeting:C10:20260305", "BirthdayGreeting:C10:20261203"), (oldKey, newKey));
    }
}

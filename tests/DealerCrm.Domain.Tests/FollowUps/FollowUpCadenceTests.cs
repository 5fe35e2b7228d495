using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Tests.FollowUps;

public sealed class FollowUpCadenceTests
{
    [Fact]
    public void A_delivery_gives_the_letter_and_first_call_at_24_hours_and_the_second_call_at_7_days()
    {
        var delivered = Cadence.Utc(2026, 11, 23, 10, 0);
        var tasks = Cadence.Through(Cadence.Delivery(delivered), new DateOnly(2026, 11, 30));

        var letter = Assert.Single(tasks, t => t.Kind == FollowUpKind.ThankYouLetter);
        Assert.Equal(delivered.AddHours(24), letter.DueUtc);
        Assert.Equal("sales-1", letter.OwnerUserId);
        Assert.Equal(Roles.Salesperson, letter.OwnerRole);

        var first = Assert.Single(tasks, t => t.Kind == FollowUpKind.FirstCall);
        Assert.Equal(delivered.AddHours(24), first.DueUtc);
        Assert.Equal(Roles.SalesManager, first.OwnerRole);
        Assert.Null(first.OwnerUserId);

        var second = Assert.Single(tasks, t => t.Kind == FollowUpKind.SecondCall);
        Assert.Equal(delivered.AddDays(7), second.DueUtc);
        Assert.Equal("sales-1", second.OwnerUserId);
        Assert.All(tasks, t => Assert.Null(t.ExpiresUtc));
    }

    [Fact]
    public void A_delivery_at_23_30_local_counts_its_days_in_local_time()
    {
        // 23:30 in Beijing is 15:30 UTC the same day; the local day is what the calendar rules use.
        var delivered = Cadence.Utc(2026, 11, 23, 23, 30);
        Assert.Equal(new DateTime(2026, 11, 23, 15, 30, 0), delivered);
        var tasks = Cadence.Through(Cadence.Delivery(delivered), new DateOnly(2027, 1, 31));

        var first = Assert.Single(tasks, t => t.Kind == FollowUpKind.FirstCall);
        Assert.Equal(new DateTime(2026, 11, 24, 23, 30, 0), Cadence.Local(first.DueUtc));
        var contact = Assert.Single(tasks, t => t.Kind == FollowUpKind.RegularContact);
        Assert.Equal(new DateOnly(2027, 1, 23), contact.OccasionDate);
        Assert.Equal(new DateTime(2027, 1, 23, 23, 59, 59), Cadence.Local(contact.DueUtc));
    }

    [Fact]
    public void Early_morning_local_deliveries_are_not_a_day_early_because_UTC_is_still_yesterday()
    {
        // 07:00 in Beijing on 1 March is 23:00 UTC on 28 February.
        var delivered = Cadence.Utc(2027, 3, 1, 7, 0);
        var tasks = Cadence.Through(Cadence.Delivery(delivered), new DateOnly(2027, 5, 31));
        Assert.Equal(new DateOnly(2027, 5, 1), Assert.Single(tasks, t => t.Kind == FollowUpKind.RegularContact).OccasionDate);
    }

    [Fact]
    public void Two_months_after_31_December_is_the_end_of_February_and_the_cadence_does_not_drift()
    {
        var tasks = Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 12, 31, 10, 0)), new DateOnly(2027, 12, 31));
        var contacts = tasks.Where(t => t.Kind == FollowUpKind.RegularContact).Select(t => t.OccasionDate).ToList();
        Assert.Equal(
            [new(2027, 2, 28), new(2027, 4, 30), new(2027, 6, 30), new(2027, 8, 31), new(2027, 10, 31), new(2027, 12, 31)],
            contacts);
        Assert.Equal(6, tasks.Where(t => t.Kind == FollowUpKind.RegularContact).Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void Occasions_lapse_after_their_window_but_calls_after_a_delivery_do_not()
    {
        var tasks = Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 1, 10, 10, 0)), new DateOnly(2026, 3, 31));
        var contact = Assert.Single(tasks, t => t.Kind == FollowUpKind.RegularContact);
        Assert.Equal(contact.DueUtc.AddDays(Cadence.Policy.OccasionWindowDays), contact.ExpiresUtc);
        Assert.Null(Assert.Single(tasks, t => t.Kind == FollowUpKind.SecondCall).ExpiresUtc);
    }

    [Fact]
    public void Anniversaries_bring_a_greeting_by_a_CS_agent_and_a_visit_by_the_customers_salesperson()
    {
        var tasks = Cadence.Through(Cadence.Delivery(Cadence.Utc(2025, 11, 23, 10, 0)), new DateOnly(2026, 11, 30));
        var greeting = Assert.Single(tasks, t => t.Kind == FollowUpKind.AnniversaryGreeting);
        var visit = Assert.Single(tasks, t => t.Kind == FollowUpKind.AnniversaryVisit);
        Assert.Equal(new DateOnly(2026, 11, 23), greeting.OccasionDate);
        Assert.Equal(Roles.CsAgent, greeting.OwnerRole);
        Assert.Null(greeting.OwnerUserId);
        Assert.Equal("sales-2", visit.OwnerUserId);
    }

    [Fact]
    public void The_anniversary_of_a_29_February_delivery_falls_on_28_February_in_other_years()
    {
        var tasks = Cadence.Through(Cadence.Delivery(Cadence.Utc(2028, 2, 29, 10, 0)), new DateOnly(2032, 3, 1));
        var days = tasks.Where(t => t.Kind == FollowUpKind.AnniversaryGreeting).Select(t => t.OccasionDate).ToList();
        Assert.Equal([new(2029, 2, 28), new(2030, 2, 28), new(2031, 2, 28), new(2032, 2, 29)], days);
    }

    [Fact]
    public void A_29_February_birthday_is_celebrated_on_28_February_in_other_years()
    {
        var facts = new BirthdayFacts(10, null, new DateOnly(1988, 2, 29), "sales-2", new DateOnly(2026, 1, 1), true);
        var greetings = Cadence.Default.ForBirthday(facts, DateOnly.MinValue, new DateOnly(2029, 12, 31))
            .Where(t => t.Kind == FollowUpKind.BirthdayGreeting).Select(t => t.OccasionDate).ToList();
        Assert.Equal([new(2026, 2, 28), new(2027, 2, 28), new(2028, 2, 29), new(2029, 2, 28)], greetings);
    }

    [Fact]
    public void Birthdays_start_from_when_the_dealership_learned_of_them_and_family_gets_a_greeting_but_no_visit()
    {
        var customer = new BirthdayFacts(10, null, new DateOnly(1980, 3, 5), "sales-2", new DateOnly(2026, 6, 1), true);
        var tasks = Cadence.Default.ForBirthday(customer, DateOnly.MinValue, new DateOnly(2027, 12, 31)).ToList();
        Assert.Equal([FollowUpKind.BirthdayGreeting, FollowUpKind.BirthdayVisit], tasks.Select(t => t.Kind));
        Assert.All(tasks, t => Assert.Equal(new DateOnly(2027, 3, 5), t.OccasionDate));

        var spouse = new BirthdayFacts(10, 7, new DateOnly(1982, 7, 1), null, new DateOnly(2026, 6, 1), true);
        var spouseTasks = Cadence.Default.ForBirthday(spouse, DateOnly.MinValue, new DateOnly(2026, 12, 31)).ToList();
        var greeting = Assert.Single(spouseTasks);
        Assert.Equal(FollowUpKind.BirthdayGreeting, greeting.Kind);
        Assert.Equal(7, greeting.FamilyMemberId);
        Assert.StartsWith("BirthdayGreeting:F7:", greeting.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_with_several_vehicles_gets_each_deliverys_cadence_separately()
    {
        var first = Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 5, 1, 10, 0), id: 1), new DateOnly(2026, 11, 30));
        var second = Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 9, 15, 10, 0), id: 2), new DateOnly(2026, 11, 30));
        Assert.Empty(first.Select(t => t.Key).Intersect(second.Select(t => t.Key)));
        Assert.Equal(3, first.Count(t => t.Kind == FollowUpKind.RegularContact));
        Assert.Single(second, t => t.Kind == FollowUpKind.RegularContact);
        Assert.All(second, t => Assert.Equal(102, t.VehicleId));
    }

    [Fact]
    public void A_delivery_entered_days_late_still_has_all_its_tasks_and_the_past_ones_are_born_overdue()
    {
        var now = Cadence.Utc(2026, 11, 23, 10, 0);
        var delivered = now.AddDays(-10);
        var planned = Cadence.Through(Cadence.Delivery(delivered), new DateOnly(2026, 11, 30));
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], planned.Select(t => t.Kind));

        var tasks = planned.Select(p => new FollowUpTask(p, now)).ToList();
        tasks.ForEach(t => t.Tidy(Cadence.Policy, now));
        Assert.All(tasks, t => Assert.True(t.IsOverdue && t.IsOpen, $"{t.Kind} should be open and overdue"));
    }

    [Fact]
    public void When_the_vehicle_was_sold_on_the_buyers_regular_contacts_and_anniversaries_stop()
    {
        var sold = Cadence.Through(Cadence.Delivery(Cadence.Utc(2025, 6, 1, 10, 0), stillWithBuyer: false), new DateOnly(2026, 11, 30));
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], sold.Select(t => t.Kind));
        var kept = Cadence.Through(Cadence.Delivery(Cadence.Utc(2025, 6, 1, 10, 0)), new DateOnly(2026, 11, 30));
        Assert.Contains(kept, t => t.Kind == FollowUpKind.RegularContact);
    }

    [Fact]
    public void Nobody_calls_an_anonymised_or_merged_customer()
    {
        Assert.Empty(Cadence.Through(Cadence.Delivery(Cadence.Utc(2026, 11, 20, 10, 0), reachable: false), new DateOnly(2026, 11, 30)));
        Assert.Empty(Cadence.Default.ForBirthday(new BirthdayFacts(1, null, new DateOnly(1990, 11, 25), null, new DateOnly(2020, 1, 1), false), DateOnly.MinValue, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void The_revisit_is_due_three_days_after_the_service_visit_and_never_goes_to_the_advisor_who_served_it()
    {
        var visit = new ServiceVisitFacts(5, 10, 101, new DateOnly(2026, 11, 20), "advisor-1", true);
        var revisit = Assert.Single(Cadence.Default.ForServiceVisit(visit, DateOnly.MinValue, new DateOnly(2026, 11, 30)));
        Assert.Equal(FollowUpKind.AfterServiceRevisit, revisit.Kind);
        Assert.Equal(new DateTime(2026, 11, 23, 23, 59, 59), Cadence.Local(revisit.DueUtc));
        Assert.Equal(Roles.CsAgent, revisit.OwnerRole);
        Assert.Equal("advisor-1", revisit.ExcludedUserId);

        var task = new FollowUpTask(revisit, Cadence.Utc(2026, 11, 20, 18, 0));
        Assert.False(task.MayBeWorkedBy("advisor-1", [Roles.CsAgent]));
        Assert.True(task.MayBeWorkedBy("agent-1", [Roles.CsAgent]));
        Assert.Throws<InvalidOperationException>(() => task.Claim("advisor-1", "advisor", Cadence.Utc(2026, 11, 21)));
    }

    [Fact]
    public void The_insurance_reminder_comes_30_days_before_expiry_and_again_each_year()
    {
        var facts = new InsuranceFacts(101, 10, new DateOnly(2026, 12, 20), new DateOnly(2025, 12, 1), true);
        var reminders = Cadence.Default.ForInsurance(facts, DateOnly.MinValue, new DateOnly(2027, 12, 31)).ToList();
        Assert.Equal([new(2026, 11, 20), new(2027, 11, 20)], reminders.Select(r => r.OccasionDate));
        Assert.Equal(["Insurance:V101:20261220", "Insurance:V101:20271220"], reminders.Select(r => r.Key));
    }

    [Fact]
    public void Asking_day_by_day_gives_exactly_what_asking_for_the_whole_range_gives()
    {
        var delivery = Cadence.Delivery(Cadence.Utc(2025, 8, 31, 22, 45));
        var whole = Cadence.Default.ForDelivery(delivery, new DateOnly(2025, 8, 30), new DateOnly(2027, 3, 31)).Select(t => t.Key).ToList();
        var dayByDay = new List<string>();
        for (var day = new DateOnly(2025, 8, 31); day <= new DateOnly(2027, 3, 31); day = day.AddDays(1))
        {
            dayByDay.AddRange(Cadence.Default.ForDelivery(delivery, day.AddDays(-1), day).Select(t => t.Key));
        }

        Assert.Equal(whole.Order(), dayByDay.Order());
    }

    [Fact]
    public void The_candidate_delivery_days_for_a_due_day_include_every_delivery_with_a_task_due_that_day()
    {
        var earliest = new DateOnly(2024, 1, 1);
        for (var deliveryDay = earliest; deliveryDay <= new DateOnly(2026, 12, 31); deliveryDay = deliveryDay.AddDays(3))
        {
            var delivery = Cadence.Delivery(Cadence.Utc(deliveryDay.Year, deliveryDay.Month, deliveryDay.Day, 23, 30));
            foreach (var task in Cadence.Default.ForDelivery(delivery, deliveryDay.AddDays(-1), new DateOnly(2027, 3, 1)))
            {
                var dueDay = DateOnly.FromDateTime(Cadence.Local(task.DueUtc));
                Assert.True(Cadence.Default.DeliveryDaysWithTasksDueOn(dueDay, earliest).Contains(deliveryDay),
                    $"{task.Key} due {dueDay}: delivery day {deliveryDay} not among the candidates");
            }
        }
    }
}

using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.FollowUps;

/// <summary>The kinds of row the follow-up job reads facts from: the names its set-aside rows keep.</summary>
public static class FollowUpSources
{
    public const string Delivery = nameof(Delivery);

    public const string ServiceVisit = nameof(ServiceVisit);

    public const string Customer = nameof(Customer);

    public const string FamilyMember = nameof(FamilyMember);

    public const string Vehicle = nameof(Vehicle);
}

/// <summary>The row a fact was read from: a job that cannot plan it sets that row aside by these.</summary>
public interface IFollowUpFacts
{
    string Source { get; }

    long SourceId { get; }
}

/// <summary>A delivery as the cadence needs it.</summary>
/// <param name="CustomerSalespersonId">The salesperson now looking after the customer (regular contacts and visits go to them).</param>
/// <param name="VehicleStillWithBuyer">False once the vehicle was sold on: the buyer's recurring contacts stop.</param>
/// <param name="CustomerReachable">False for anonymised or merged-away files: nobody calls them.</param>
public sealed record DeliveryFacts(
    int DeliveryId,
    int CustomerId,
    int VehicleId,
    DateTime DeliveredAtUtc,
    string SalespersonId,
    string? CustomerSalespersonId,
    bool VehicleStillWithBuyer,
    bool CustomerReachable) : IFollowUpFacts
{
    public string Source => FollowUpSources.Delivery;

    public long SourceId => DeliveryId;
}

/// <param name="RecordedByUserId">Who entered the visit, when that was someone other than the advisor named on it (their work is checked too).</param>
public sealed record ServiceVisitFacts(int ServiceVisitId, int CustomerId, int VehicleId, DateOnly VisitDate, string ServiceAdvisorId, bool CustomerReachable, string? RecordedByUserId = null) : IFollowUpFacts
{
    public string Source => FollowUpSources.ServiceVisit;

    public long SourceId => ServiceVisitId;
}

/// <summary>Whose birthday: the customer's own (greeting and visit) or a family member's (greeting).</summary>
public sealed record BirthdayFacts(int CustomerId, int? FamilyMemberId, DateOnly Birthday, string? SalespersonId, DateOnly KnownSince, bool CustomerReachable) : IFollowUpFacts
{
    public string Source => FamilyMemberId is null ? FollowUpSources.Customer : FollowUpSources.FamilyMember;

    public long SourceId => FamilyMemberId ?? CustomerId;
}

public sealed record InsuranceFacts(int VehicleId, int CustomerId, DateOnly Expiry, DateOnly KnownSince, bool CustomerReachable) : IFollowUpFacts
{
    public string Source => FollowUpSources.Vehicle;

    public long SourceId => VehicleId;
}

/// <summary>A task the cadence says should exist; its <see cref="Key"/> makes creating it twice impossible.</summary>
public sealed record PlannedTask(
    string Key,
    FollowUpKind Kind,
    int CustomerId,
    DateOnly OccasionDate,
    DateTime DueUtc,
    DateTime? ExpiresUtc,
    string OwnerRole,
    string? OwnerUserId,
    string? ExcludedUserId = null,
    int? VehicleId = null,
    int? DeliveryId = null,
    int? ServiceVisitId = null,
    int? FamilyMemberId = null,
    string? AlsoExcludedUserId = null);

/// <summary>
/// The follow-up cadence of RULES.md section 3, in one place: given the facts on file, which
/// tasks exist, when each is due, who owns it. Every question is asked for a window of local
/// due dates (dueAfter, dueThrough], so the job can ask "everything up to the horizon" for a
/// new fact and "what falls due on this new day" for the facts it already knows.
/// Days are the dealership's local days; "within N" means due at that moment (24 h, 7 days) or
/// by the end of that day (3 days after a visit, two months after a delivery).
/// A fact with an implausible date (<see cref="PlausibleDates"/>) is refused with
/// <see cref="ImplausibleDateException"/>, for the job to set its row aside.
/// The "…On(day)" questions give the job, for one new day, exactly the source dates whose
/// occasions fall on it, so the job matches dates the cadence chose and never re-derives them.
/// </summary>
public sealed class FollowUpCadence(FollowUpPolicy policy, TimeZoneInfo zone)
{
    public FollowUpPolicy Policy { get; } = policy;

    public IEnumerable<PlannedTask> ForDelivery(DeliveryFacts d, DateOnly dueAfter, DateOnly dueThrough)
    {
        if (!d.CustomerReachable)
        {
            yield break;
        }

        var deliveryDay = Plausible("Delivery date", LocalDate(d.DeliveredAtUtc), PlausibleDates.EarliestVehicleDate);
        var salesperson = d.SalespersonId;
        var owner = d.CustomerSalespersonId ?? d.SalespersonId;
        var oneOffs = new[]
        {
            Task(FollowUpKind.ThankYouLetter, $"Letter:D{d.DeliveryId}", d.CustomerId, deliveryDay, d.DeliveredAtUtc.AddHours(Policy.ThankYouLetterDueHours), salesperson) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId },
            Task(FollowUpKind.FirstCall, $"FirstCall:D{d.DeliveryId}", d.CustomerId, deliveryDay, d.DeliveredAtUtc.AddHours(Policy.FirstCallDueHours), null) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId },
            Task(FollowUpKind.SecondCall, $"SecondCall:D{d.DeliveryId}", d.CustomerId, deliveryDay, d.DeliveredAtUtc.AddDays(Policy.SecondCallDueDays), salesperson) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId },
        };
        foreach (var task in oneOffs.Where(t => InWindow(LocalDate(t.DueUtc), dueAfter, dueThrough)))
        {
            yield return task;
        }

        // The recurring contacts belong to the vehicle's buyer while they still have it.
        if (!d.VehicleStillWithBuyer)
        {
            yield break;
        }

        // Counted from the delivery day each time, so month ends do not drift (31 Dec → 28 Feb → 30 Apr).
        for (var n = 1; ; n++)
        {
            var day = deliveryDay.AddMonths(n * Policy.ContactIntervalMonths);
            if (day > dueThrough)
            {
                break;
            }

            if (day > dueAfter)
            {
                yield return Occasion(FollowUpKind.RegularContact, $"Contact:D{d.DeliveryId}:{n}", d.CustomerId, day, owner) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId };
            }
        }

        for (var year = 1; ; year++)
        {
            var day = deliveryDay.AddYears(year);
            if (day > dueThrough)
            {
                break;
            }

            if (day > dueAfter)
            {
                yield return Occasion(FollowUpKind.AnniversaryGreeting, $"AnniversaryGreeting:D{d.DeliveryId}:{year}", d.CustomerId, day, null) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId };
                yield return Occasion(FollowUpKind.AnniversaryVisit, $"AnniversaryVisit:D{d.DeliveryId}:{year}", d.CustomerId, day, owner) with { VehicleId = d.VehicleId, DeliveryId = d.DeliveryId };
            }
        }
    }

    public IEnumerable<PlannedTask> ForServiceVisit(ServiceVisitFacts s, DateOnly dueAfter, DateOnly dueThrough)
    {
        var day = Plausible("Service visit date", s.VisitDate, PlausibleDates.EarliestVehicleDate).AddDays(Policy.AfterServiceRevisitDueDays);
        if (s.CustomerReachable && InWindow(day, dueAfter, dueThrough))
        {
            // A CS agent calls, never the advisor who served the visit nor whoever entered it for
            // them: the call checks their work.
            var revisit = Task(FollowUpKind.AfterServiceRevisit, $"Revisit:S{s.ServiceVisitId}", s.CustomerId, s.VisitDate, EndOfDay(day), null);
            var recorder = s.RecordedByUserId is { } r && r != s.ServiceAdvisorId ? r : null;
            yield return revisit with { VehicleId = s.VehicleId, ServiceVisitId = s.ServiceVisitId, ExcludedUserId = s.ServiceAdvisorId, AlsoExcludedUserId = recorder };
        }
    }

    public IEnumerable<PlannedTask> ForBirthday(BirthdayFacts b, DateOnly dueAfter, DateOnly dueThrough)
    {
        if (!b.CustomerReachable)
        {
            yield break;
        }

        Plausible("Birthday", b.Birthday, PlausibleDates.EarliestBirthday);
        var subject = b.FamilyMemberId is { } member ? $"F{member}" : $"C{b.CustomerId}";
        for (var year = Math.Max(b.KnownSince.Year, dueAfter.Year); year <= dueThrough.Year; year++)
        {
            var day = BirthdayIn(b.Birthday, year);
            if (day < b.KnownSince || !InWindow(day, dueAfter, dueThrough))
            {
                continue;
            }

            // Keyed by the day, not the year: a birthday corrected within a year is a new occasion.
            var key = string.Create(CultureInfo.InvariantCulture, $"{subject}:{day:yyyyMMdd}");
            yield return Occasion(FollowUpKind.BirthdayGreeting, "BirthdayGreeting:" + key, b.CustomerId, day, null) with { FamilyMemberId = b.FamilyMemberId };
            if (b.FamilyMemberId is null)
            {
                yield return Occasion(FollowUpKind.BirthdayVisit, "BirthdayVisit:" + key, b.CustomerId, day, b.SalespersonId);
            }
        }
    }

    /// <summary>A reminder before each yearly expiry: the one on file, then one a year for as long as the car is insured with anyone.</summary>
    public IEnumerable<PlannedTask> ForInsurance(InsuranceFacts i, DateOnly dueAfter, DateOnly dueThrough)
    {
        if (!i.CustomerReachable)
        {
            yield break;
        }

        Plausible("Insurance expiry", i.Expiry, PlausibleDates.EarliestVehicleDate);
        for (var year = 0; ; year++)
        {
            var expiry = i.Expiry.AddYears(year);
            var day = expiry.AddDays(-Policy.InsuranceReminderDaysBefore);
            if (day > dueThrough)
            {
                break;
            }

            // Entered (or corrected) less than the lead before it expires: remind at once, while
            // the expiry is still ahead.
            if (day < i.KnownSince && expiry >= i.KnownSince)
            {
                day = i.KnownSince;
            }

            if (InWindow(day, dueAfter, dueThrough) && day >= i.KnownSince)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"Insurance:V{i.VehicleId}:{expiry:yyyyMMdd}");
                yield return Occasion(FollowUpKind.InsuranceRenewal, key, i.CustomerId, day, null) with { VehicleId = i.VehicleId };
            }
        }
    }

    /// <summary>
    /// Whether a duty the job sees for the first time (history loaded at go-live, a row entered
    /// late) is past serving and is not created: a care occasion (greeting, visit, regular
    /// contact, renewal) whose day is behind, so only the first one still ahead is created; a
    /// time-bound duty (letter, calls after delivery, revisit) more than the set days past due.
    /// </summary>
    public bool TooLateWhenFirstSeen(PlannedTask task, DateTime firstSeenUtc) =>
        task.Kind.IsOccasion()
            ? task.OccasionDate < LocalDate(firstSeenUtc)
            : firstSeenUtc > task.DueUtc.AddDays(Policy.SkipTimeBoundFirstSeenDaysAfterDue);

    /// <summary>
    /// The delivery days whose tasks can fall due on <paramref name="day"/>: the day before
    /// (24-hour tasks), a week before, whole multiples of the contact interval and of a year
    /// before, including the later days of a shorter month (31 Dec → 28 Feb).
    /// </summary>
    public IReadOnlySet<DateOnly> DeliveryDaysWithTasksDueOn(DateOnly day, DateOnly earliestDelivery)
    {
        earliestDelivery = Later(earliestDelivery, PlausibleDates.EarliestVehicleDate);
        var days = new HashSet<DateOnly> { day, day.AddDays(-1), day.AddDays(-Policy.SecondCallDueDays), day.AddDays(-Policy.SecondCallDueDays - 1) };
        for (var months = Policy.ContactIntervalMonths; day.AddMonths(-months) >= earliestDelivery.AddMonths(-1); months += Policy.ContactIntervalMonths)
        {
            days.UnionWith(DaysLandingOn(day, months));
        }

        for (var years = 1; day.AddYears(-years) >= earliestDelivery.AddYears(-1); years++)
        {
            days.UnionWith(DaysLandingOn(day, years * 12));
        }

        return days;
    }

    /// <summary>The visit day whose revisit falls due on <paramref name="day"/>.</summary>
    public IReadOnlySet<DateOnly> ServiceVisitDaysWithRevisitOn(DateOnly day) =>
        new HashSet<DateOnly> { day.AddDays(-Policy.AfterServiceRevisitDueDays) };

    /// <summary>
    /// Every plausible birth date whose birthday is <paramref name="day"/> (29 February ones on
    /// 28 February in other years), found through <see cref="BirthdayIn"/> itself.
    /// </summary>
    public static IReadOnlySet<DateOnly> BirthDatesFallingOn(DateOnly day)
    {
        var dates = new HashSet<DateOnly>();
        for (var year = PlausibleDates.EarliestBirthday.Year; year <= day.Year; year++)
        {
            foreach (var (month, dayOfMonth) in new[] { (day.Month, day.Day), (2, 29) })
            {
                if (dayOfMonth <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, dayOfMonth) is var candidate
                    && BirthdayIn(candidate, day.Year) == day)
                {
                    dates.Add(candidate);
                }
            }
        }

        return dates;
    }

    /// <summary>
    /// The insurance expiry dates on file whose yearly renewal reminder falls on <paramref name="day"/>:
    /// the expiry the reminder lead ahead, and each date whole years before it that lands there
    /// (29 February lands on 28 February), back to the earliest expiry on file.
    /// </summary>
    public IReadOnlySet<DateOnly> InsuranceExpiriesWithReminderOn(DateOnly day, DateOnly earliestExpiry)
    {
        earliestExpiry = Later(earliestExpiry, PlausibleDates.EarliestVehicleDate);
        var expiry = day.AddDays(Policy.InsuranceReminderDaysBefore);
        var dates = new HashSet<DateOnly> { expiry };
        for (var years = 1; expiry.AddYears(-years) >= earliestExpiry.AddYears(-1); years++)
        {
            dates.UnionWith(DaysLandingOn(expiry, years * 12));
        }

        return dates;
    }

    /// <summary>Every day that lands on <paramref name="target"/> when moved forward by whole months (month-end clamping: 31 Dec + 2 months = 28 Feb).</summary>
    private static IEnumerable<DateOnly> DaysLandingOn(DateOnly target, int months)
    {
        var candidate = target.AddMonths(-months);
        for (var d = new DateOnly(candidate.Year, candidate.Month, 1); d.Month == candidate.Month; d = d.AddDays(1))
        {
            if (d.AddMonths(months) == target)
            {
                yield return d;
            }
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Plausible(string what, DateOnly value, DateOnly earliest) =>
        value >= earliest && value <= PlausibleDates.Latest ? value : throw new ImplausibleDateException(what, value, earliest, PlausibleDates.Latest);

    /// <summary>The local day of a UTC instant.</summary>
    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The last second of a local day, as UTC.</summary>
    public DateTime EndOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).AddSeconds(-1);

    /// <summary>29 February falls on 28 February in other years.</summary>
    public static DateOnly BirthdayIn(DateOnly birthday, int year) =>
        birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, birthday.Month, birthday.Day);

    private static bool InWindow(DateOnly day, DateOnly after, DateOnly through) => day > after && day <= through;

    private static PlannedTask Task(FollowUpKind kind, string key, int customerId, DateOnly occasion, DateTime dueUtc, string? owner) =>
        new(key, kind, customerId, occasion, dueUtc, null, kind.OwnerRole(), owner);

    private PlannedTask Occasion(FollowUpKind kind, string key, int customerId, DateOnly day, string? owner)
    {
        var due = EndOfDay(day);
        return new(key, kind, customerId, day, due, due.AddDays(Policy.OccasionWindowDays), kind.OwnerRole(), owner);
    }
}

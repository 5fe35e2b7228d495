using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>One line of a customer's timeline.</summary>
public sealed record TimelineEvent(DateTime AtUtc, string Icon, string Text, string? Detail = null, string? Url = null);

/// <summary>
/// A feature's contribution to the customer timeline. Each feature (the file itself, follow-ups,
/// complaints, surveys) registers one; the customer page merges them by time.
/// </summary>
public interface ICustomerTimelineSource
{
    Task<IReadOnlyList<TimelineEvent>> EventsAsync(int customerId, CancellationToken cancellationToken);
}

/// <summary>The file's own events: opened, contact data changed, deliveries, service visits.</summary>
public sealed class CustomerFileTimelineSource(DealerCrmDbContext db, StaffDirectory staff, DealershipClock clock, DisplayFormatter format, IStringLocalizer<SharedResource> l) : ICustomerTimelineSource
{
    private const int Recent = 50;

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int customerId, CancellationToken cancellationToken)
    {
        var events = new List<TimelineEvent>();
        var names = await staff.DisplayNamesAsync(cancellationToken);
        string Name(string login) => names.TryGetValue(login, out var name) ? name : login;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.CreatedUtc, c.CreatedBy }).SingleAsync(cancellationToken);
        events.Add(new(customer.CreatedUtc, "bi-folder-plus", l["Timeline.Created", Name(customer.CreatedBy)]));

        var changes = await db.ContactChanges.AsNoTracking().Where(h => h.CustomerId == customerId)
            .OrderByDescending(h => h.AtUtc).Take(Recent).ToListAsync(cancellationToken);
        events.AddRange(changes.Select(h => new TimelineEvent(h.AtUtc, "bi-pencil-square",
            h.Field == ContactField.MergedFrom
                ? l["Timeline.Merged", h.OldValue ?? "", Name(h.ChangedBy)]
                : l["Timeline.ContactChanged", l.Label(h.Field), Name(h.ChangedBy)],
            h.Field == ContactField.MergedFrom ? null : ContactChangeText.Describe(h))));

        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.CustomerId == customerId)
            .OrderByDescending(d => d.DeliveredAtUtc).Take(Recent)
            .Join(db.Vehicles, d => d.VehicleId, v => v.Id, (d, v) => new { d.DeliveredAtUtc, v.Brand, v.Model, v.Vin, d.SalespersonId })
            .Join(db.Users, x => x.SalespersonId, u => u.Id, (x, u) => new { x.DeliveredAtUtc, x.Brand, x.Model, x.Vin, Salesperson = u.DisplayName })
            .ToListAsync(cancellationToken);
        events.AddRange(deliveries.Select(d => new TimelineEvent(d.DeliveredAtUtc, "bi-key",
            l["Timeline.Delivered", $"{d.Brand} {d.Model}", d.Salesperson], d.Vin)));

        var visits = await db.ServiceVisits.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.VisitDate).Take(Recent)
            .Join(db.Users, s => s.ServiceAdvisorId, u => u.Id, (s, u) => new { s.VisitDate, s.Type, s.Mileage, s.RecordedUtc, Advisor = u.DisplayName })
            .ToListAsync(cancellationToken);
        // A visit recorded on its day sits at the moment it was recorded; one entered later, at the start of its day.
        events.AddRange(visits.Select(s => new TimelineEvent(
            clock.LocalDateOf(s.RecordedUtc) == s.VisitDate ? s.RecordedUtc : clock.StartOfDayUtc(s.VisitDate),
            "bi-wrench-adjustable",
            l["Timeline.ServiceVisit", l.Label(s.Type), s.Advisor],
            l["Timeline.ServiceVisitDetail", format.Date(s.VisitDate), s.Mileage])));
        return events;
    }
}

public static class ContactChangeText
{
    /// <summary>"old → new", phone numbers masked.</summary>
    public static string Describe(ContactChange change)
    {
        string Show(string? value) => string.IsNullOrEmpty(value) ? "—"
            : change.IsPhone ? string.Join("、", value.Split('、').Select(PhoneMask.Mask)) : value;
        return $"{Show(change.OldValue)} → {Show(change.NewValue)}";
    }
}

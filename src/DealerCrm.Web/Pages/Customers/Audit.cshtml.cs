using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// The audit trail of one customer: every change to the file, its phones, family, vehicles,
/// deliveries and service visits, who made it and when, old and new values (phones masked).
/// </summary>
[Authorize(Policy = Policies.PrivacyRead)]
public sealed class AuditModel(DealerCrmDbContext db, StaffDirectory staff, DisplayFormatter format, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Customer Customer { get; private set; } = null!;

    public PagedList<Row> Entries { get; private set; } = null!;

    public sealed record Row(DateTime AtUtc, string UserName, string EntityType, AuditAction Action, IReadOnlyList<ShownChange> Changes);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phoneIds = db.CustomerPhones.Where(p => p.CustomerId == id).Select(p => p.Id.ToString());
        var familyIds = db.FamilyMembers.Where(f => f.CustomerId == id).Select(f => f.Id.ToString());
        var vehicleIds = db.Vehicles.Where(v => v.CustomerId == id).Select(v => v.Id.ToString());
        var deliveryIds = db.Deliveries.Where(d => d.CustomerId == id).Select(d => d.Id.ToString());
        var visitIds = db.ServiceVisits.Where(s => s.CustomerId == id).Select(s => s.Id.ToString());

        var page = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Domain.Customers.Customer) && a.EntityId == key)
                        || (a.EntityType == nameof(CustomerPhone) && phoneIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(FamilyMember) && familyIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(Vehicle) && vehicleIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(Delivery) && deliveryIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(ServiceVisit) && visitIds.Contains(a.EntityId)))
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);

        // Names and numbers for this page's entries only: the trail keeps ids and logins, people read names.
        var changes = page.Items.Select(a => (Entry: a, Changes: Masked(a))).ToList();
        var customerIds = changes.SelectMany(c => AuditDisplay.CustomerIdsIn(c.Changes)).Distinct().ToList();
        var numbers = customerIds.Count == 0
            ? new Dictionary<int, string>()
            : await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var logins = await staff.DisplayNamesAsync(cancellationToken);
        var display = new AuditDisplay(l, format, await staff.NamesByIdAsync(cancellationToken), numbers);
        Entries = new PagedList<Row>
        {
            Items = changes
                .Select(c => new Row(c.Entry.AtUtc, logins.GetValueOrDefault(c.Entry.UserName, c.Entry.UserName), c.Entry.EntityType, c.Entry.Action,
                    display.Show(c.Entry.EntityType, c.Entry.Action, c.Changes)))
                .Where(r => r.Action != AuditAction.Modified || r.Changes.Count > 0)
                .ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            TotalCount = page.TotalCount,
        };
        return Page();
    }

    /// <summary>Field changes as shown: contact data masked, as everywhere else.</summary>
    private static IReadOnlyList<FieldChange> Masked(AuditEntry entry)
    {
        var changes = AuditJson.Read(entry.ChangesJson);
        if (!AuditDisplay.EntityTypes.TryGetValue(entry.EntityType, out var type))
        {
            return changes;
        }

        return changes.Select(c => AuditJson.IsContactData(type, c.Field)
            ? c with { Old = MaskList(c.Old), New = MaskList(c.New) }
            : c).ToList();
    }

    private static string? MaskList(string? value) =>
        value is null ? null : string.Join("、", value.Split('、').Select(PhoneMask.Mask));
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>The customer list: one search box, three filters, 20 a page, all in SQL.</summary>
[Authorize(Policy = Policies.CustomersRead)]
public sealed class IndexModel(DealerCrmDbContext db, StaffDirectory staff, IAuthorizationService authorization, DealershipClock clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Salesperson { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Warranty { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Birthday { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Customers { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Salespeople { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public bool MayExport { get; private set; }

    public bool MayImport { get; private set; }

    public bool HasFilter => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Salesperson) || Warranty || Birthday;

    public sealed record Row(int Id, string Number, string Name, CustomerKind Kind, string? Mobile, string? Salesperson, string? FirstVehicle, int VehicleCount, bool IsAnonymised)
    {
        public string MaskedMobile => PhoneMask.Mask(Mobile);
    }

    public CustomerFilter Filter => new(Q, Salesperson, Warranty, Birthday);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Customers = await CustomerSearch.Apply(db, Filter, clock.Today)
            .OrderByDescending(c => c.Id)
            .Select(c => new Row(
                c.Id, c.Number, c.Name, c.Kind, c.Mobile,
                db.Users.Where(u => u.Id == c.SalespersonId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Vehicles.Where(v => v.CustomerId == c.Id).OrderBy(v => v.Id).Select(v => v.Plate ?? v.Model).FirstOrDefault(),
                db.Vehicles.Count(v => v.CustomerId == c.Id),
                c.AnonymisedUtc != null))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
        MayCreate = (await authorization.AuthorizeAsync(User, Policies.CustomersEdit)).Succeeded;
        MayExport = (await authorization.AuthorizeAsync(User, Policies.CustomersExport)).Succeeded;
        MayImport = (await authorization.AuthorizeAsync(User, Policies.CustomersImport)).Succeeded;
    }
}

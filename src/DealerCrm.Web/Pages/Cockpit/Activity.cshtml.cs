using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Cockpit;

public enum ActivityKind
{
    Deliveries = 1,
    Visits = 2,
    RepeatRepairs = 3,
}

/// <summary>One delivery or service visit behind a cockpit figure.</summary>
public sealed record ActivityRow(DateTime? AtUtc, DateOnly Day, int CustomerId, string CustomerName, string Vehicle, string? Plate, string Person, Money Amount, ServiceVisitType? VisitType);

/// <summary>
/// The list behind a cockpit figure: the deliveries, service visits or repeat repairs of a
/// period, from the same queries (<see cref="ServiceFigures"/>) that counted them.
/// </summary>
[Authorize(Policy = Policies.Cockpit)]
public sealed class ActivityModel(DealerCrmDbContext db, ServiceFigures figures, DealershipClock clock, IOptions<CsiPolicy> csiPolicy) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public ActivityKind What { get; set; } = ActivityKind.Deliveries;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReportPeriod Period { get; private set; } = null!;

    public PagedList<ActivityRow> Rows { get; private set; } = null!;

    public int RepeatWithinDays => csiPolicy.Value.RepeatRepairWithinDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(What))
        {
            return NotFound();
        }

        (Period, _) = PeriodChoice.Resolve(PeriodKind.Custom, From, To, clock.Today);
        Rows = What == ActivityKind.Deliveries
            ? await DeliveriesAsync(cancellationToken)
            : await VisitsAsync(What == ActivityKind.RepeatRepairs ? figures.RepeatRepairVisits(Period, RepeatWithinDays) : figures.Visits(Period), cancellationToken);
        return Page();
    }

    private Task<PagedList<ActivityRow>> DeliveriesAsync(CancellationToken cancellationToken) =>
        (from d in figures.Deliveries(Period)
         join c in db.Customers on d.CustomerId equals c.Id
         join v in db.Vehicles on d.VehicleId equals v.Id
         join u in db.Users on d.SalespersonId equals u.Id into sellers
         from u in sellers.DefaultIfEmpty()
         orderby d.DeliveredAtUtc descending, d.Id descending
         select new ActivityRow((DateTime?)d.DeliveredAtUtc, default, c.Id, c.Name, v.Brand + " " + v.Model, v.Plate, u == null ? "" : u.DisplayName, d.Price, null))
        .ToPagedListAsync(PageNumber, PageSize, cancellationToken);

    private Task<PagedList<ActivityRow>> VisitsAsync(IQueryable<ServiceVisit> visits, CancellationToken cancellationToken) =>
        (from s in visits
         join c in db.Customers on s.CustomerId equals c.Id
         join v in db.Vehicles on s.VehicleId equals v.Id
         join u in db.Users on s.ServiceAdvisorId equals u.Id into advisors
         from u in advisors.DefaultIfEmpty()
         orderby s.VisitDate descending, s.Id descending
         select new ActivityRow(null, s.VisitDate, c.Id, c.Name, v.Brand + " " + v.Model, v.Plate, u == null ? "" : u.DisplayName, s.Amount, (ServiceVisitType?)s.Type))
        .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
}

using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.ViewComponents;

/// <summary>A service visit as the advisor's home lists it, with its revisit's due time while that is still open.</summary>
public sealed record AdvisorVisit(int VisitId, DateOnly VisitDate, ServiceVisitType Type, string WorkItems, int CustomerId, string CustomerName, string? Plate, DateTime? RevisitDueUtc);

public sealed record AdvisorHome(IReadOnlyList<AdvisorVisit> AwaitingRevisit, int AwaitingRevisitCount, IReadOnlyList<AdvisorVisit> Recent);

/// <summary>
/// The service advisor's home: their visits whose revisit call has not been made yet (the CS
/// agents make it; the advisor may not, it checks their work) and their recent service customers.
/// </summary>
public sealed class AdvisorHomeViewComponent(DealerCrmDbContext db) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.ServiceAdvisor) || UserClaimsPrincipal.UserId() is not { } me)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var mine = db.ServiceVisits.AsNoTracking().Where(v => v.ServiceAdvisorId == me);
        var awaiting = mine.Join(
            db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.AfterServiceRevisit && t.Status == FollowUpStatus.Open),
            v => (int?)v.Id, t => t.ServiceVisitId, (v, t) => new { v, t.DueUtc });
        var awaitingRows = await awaiting.OrderBy(x => x.DueUtc).Take(Shown)
            .Join(db.Customers, x => x.v.CustomerId, c => c.Id, (x, c) => new AdvisorVisit(x.v.Id, x.v.VisitDate, x.v.Type, x.v.WorkItems, c.Id, c.Name,
                db.Vehicles.Where(veh => veh.Id == x.v.VehicleId).Select(veh => veh.Plate).FirstOrDefault(), x.DueUtc))
            .ToListAsync(cancellationToken);
        var count = awaitingRows.Count < Shown ? awaitingRows.Count : await awaiting.CountAsync(cancellationToken);
        var recent = await mine.OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.Id).Take(Shown)
            .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new AdvisorVisit(v.Id, v.VisitDate, v.Type, v.WorkItems, c.Id, c.Name,
                db.Vehicles.Where(veh => veh.Id == v.VehicleId).Select(veh => veh.Plate).FirstOrDefault(), null))
            .ToListAsync(cancellationToken);
        return View(new AdvisorHome(awaitingRows, count, recent));
    }
}

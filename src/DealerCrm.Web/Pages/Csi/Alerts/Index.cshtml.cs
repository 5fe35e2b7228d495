using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Duties;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Csi.Alerts;

/// <summary>The hot alerts the user may see (<see cref="HotAlertDuty"/>, in SQL): open ones first by deadline, then the closed.</summary>
[Authorize(Policy = Policies.CsiSurveys)]
public sealed class IndexModel(DealerCrmDbContext db) : PageModel
{
    public const int PageSize = 25;

    public PagedList<Row> Alerts { get; private set; } = null!;

    public sealed record Row(int Id, DateTime RaisedUtc, DateTime DueUtc, int CustomerId, string CustomerName, SurveyProgram Program, int LowestScore, int LowAnswers, HotAlertStatus Status, bool IsOverdue);

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var visible = HotAlertDuty.Access.For(DutyRule.See, User.DutyViewer(HotAlertDuty.Access));
        Alerts = await db.HotAlerts.Where(visible)
            .OrderBy(a => a.Status).ThenBy(a => a.DueUtc).ThenByDescending(a => a.Id)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new Row(a.Id, a.RaisedUtc, a.DueUtc, c.Id, c.Name, a.Program, a.LowestScore, a.LowAnswers, a.Status, a.IsOverdue))
            .ToPagedListAsync(p, PageSize, cancellationToken);
    }
}

using DealerCrm.Domain.Csi;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Csi.Surveys;

/// <summary>The surveys taken, newest first, paged in SQL; filter by program.</summary>
[Authorize(Policy = Policies.CsiSurveys)]
public sealed class IndexModel(DealerCrmDbContext db) : PageModel
{
    public const int PageSize = 25;

    public PagedList<Row> Surveys { get; private set; } = null!;

    public SurveyProgram? Program { get; private set; }

    public sealed record Row(long Id, SurveyProgram Program, DateTime TakenUtc, int CustomerId, string CustomerName, SurveyMethod Method, double? Index, int? LowestScore, bool Alert);

    public async Task OnGetAsync(SurveyProgram? program, int p = 1, CancellationToken cancellationToken = default)
    {
        Program = program is { } x && Enum.IsDefined(x) ? x : null;
        var query = db.Surveys.AsQueryable();
        if (Program is { } only)
        {
            query = query.Where(s => s.Program == only);
        }

        Surveys = await query
            .OrderByDescending(s => s.TakenUtc).ThenByDescending(s => s.Id)
            .Join(db.Customers, s => s.CustomerId, c => c.Id, (s, c) => new Row(s.Id, s.Program, s.TakenUtc, c.Id, c.Name, s.Method, s.Index, s.LowestScore,
                db.HotAlerts.Any(a => a.SurveyId == s.Id)))
            .ToPagedListAsync(p, PageSize, cancellationToken);
    }
}

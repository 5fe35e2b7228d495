using DealerCrm.Domain.Common;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>Each member of staff's own lounge fines, per month, each with what it was for; nobody else's.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyFinesModel(DealerCrmDbContext db, StaffDirectory staff) : PageModel
{
    public const int RowsShown = 200;

    public IReadOnlyList<FineTotal> Months { get; private set; } = [];

    public IReadOnlyList<FineRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId()!;
        var mine = db.LoungeFines.AsNoTracking().Where(f => f.StaffUserId == me);
        Months = (await FineLedger.TotalsAsync(mine, cancellationToken)).OrderByDescending(t => t.Month).ToList();
        Rows = await FineLedger.Rows(db, mine).Take(RowsShown).ToListAsync(cancellationToken);
        Names = await staff.NamesByIdAsync(cancellationToken);
    }

    public static Money Yuan(long fen) => new(fen);
}

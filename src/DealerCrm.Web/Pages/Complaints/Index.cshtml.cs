using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// The complaint list: open cases by default, filtered by status, tier, overdue, category and
/// department; overdue and flagged cases first, then by the tier's due time. Paged in SQL; a case
/// about the viewer is never listed to them.
/// </summary>
[Authorize(Policy = Policies.ComplaintsView)]
public sealed class IndexModel(DealerCrmDbContext db, DealershipClock clock) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Open (default), All, or one <see cref="ComplaintStatus"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tier { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>Only cases flagged near the 7-working-day limit with the customer not yet told.</summary>
    [BindProperty(SupportsGet = true)]
    public bool NearLimit { get; set; }

    [BindProperty(SupportsGet = true)]
    public ComplaintCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public ComplaintDepartment? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rows { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    public sealed record Row(
        int Id, string Number, DateTime ReceivedUtc, string CustomerName, ComplaintCategory Category, ComplaintDepartment Department,
        ComplaintSeverity Severity, int Tier, ComplaintStatus Status, bool IsPaused, DateTime? TierDueUtc, bool TierOverdue, bool LegalFlagged)
    {
        public bool IsLate(DateTime nowUtc) => TierOverdue || TierDueUtc <= nowUtc;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.UtcNow;
        var now = NowUtc;
        var me = User.UserId();
        var cases = db.Complaints.AsNoTracking().VisibleTo(me);
        cases = Status switch
        {
            "All" => cases,
            _ when Enum.TryParse<ComplaintStatus>(Status, out var status) && Enum.IsDefined(status) => cases.Where(c => c.Status == status),
            _ => cases.Where(c => c.Status != ComplaintStatus.Closed),
        };
        if (Tier is >= ComplaintTiers.Lowest and <= ComplaintTiers.Highest)
        {
            cases = cases.Where(c => c.Tier == Tier);
        }

        if (Overdue)
        {
            cases = cases.Late(now);
        }

        if (NearLimit)
        {
            cases = cases.NearLegalLimit();
        }

        if (Category is { } category && Enum.IsDefined(category))
        {
            cases = cases.Where(c => c.Category == category);
        }

        if (Department is { } department && Enum.IsDefined(department))
        {
            cases = cases.Where(c => c.Department == department);
        }

        var rows = cases
            .OrderBy(c => c.Status == ComplaintStatus.Closed)
            .ThenByDescending(c => c.TierOverdue || c.LegalFlagged || (c.TierDueUtc != null && c.TierDueUtc <= now))
            .ThenBy(c => c.TierDueUtc == null)
            .ThenBy(c => c.TierDueUtc)
            .ThenByDescending(c => c.Id)
            .Join(db.Customers, c => c.CustomerId, k => k.Id, (c, k) => new Row(
                c.Id, c.Number, c.ReceivedUtc, k.Name, c.Category, c.Department, c.Severity, c.Tier, c.Status, c.IsPaused, c.TierDueUtc, c.TierOverdue, c.LegalFlagged));
        Rows = await rows.ToPagedListAsync(PageNumber, PageSize, cancellationToken);
    }
}

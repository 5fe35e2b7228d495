using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// The complaint list: open cases by default, filtered by status, tier, overdue, category and
/// department; overdue and flagged cases first, then by the tier's due time. A case about the
/// viewer is never listed to them.
/// </summary>
/// <remarks>
/// The order turns on the time now (a case is late once its due time passes), so no one index
/// serves it; its parts do. The list is read as arms of the stored list group
/// (<see cref="Complaint.Attention"/>) and due time, each one range of the index on (Attention,
/// TierDueUtc, Id desc) read in order and cut to the page: flagged cases, late ones, ones due
/// later, ones without a running clock (paused, accepted), then closed ones (newest first). The
/// total is counted up to <see cref="CappedCount.Limit"/>, as the follow-up queue's: an exact count
/// of thousands of open cases would read them all on every request.
/// </remarks>
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
        var arms = Arms(Filtered(), NowUtc).ToList();
        var page = Math.Max(PageNumber, 1);
        var total = await ListArms.CappedCountAsync(arms, cancellationToken);
        page = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
        var now = NowUtc;
        var rows = await ListArms.Page(arms, (page - 1) * PageSize, PageSize, merged => merged
                .OrderBy(c => c.Attention == ComplaintAttention.Closed)
                .ThenByDescending(c => c.Attention == ComplaintAttention.Flagged || (c.TierDueUtc != null && c.TierDueUtc <= now))
                .ThenBy(c => c.TierDueUtc == null)
                .ThenBy(c => c.TierDueUtc)
                .ThenByDescending(c => c.Id))
            .Select(c => new Row(
                c.Id, c.Number, c.ReceivedUtc, db.Customers.Where(k => k.Id == c.CustomerId).Select(k => k.Name).First(), c.Category, c.Department, c.Severity,
                c.Tier, c.Status, c.IsPaused, c.TierDueUtc, c.TierOverdue, c.LegalFlagged))
            .ToListAsync(cancellationToken);
        Rows = new PagedList<Row> { Items = rows, Page = page, PageSize = PageSize, TotalCount = total, TotalIsCapped = true };
    }

    /// <summary>The filters but the status, which picks the arms.</summary>
    private IQueryable<Complaint> Filtered()
    {
        var now = NowUtc;
        var me = User.UserId();
        var cases = db.Complaints.AsNoTracking().VisibleTo(me);
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
            cases = cases.OfDepartment(department);
        }

        return cases;
    }

    /// <summary>
    /// The list's parts in its order, each in the order of the index: flagged with a due time, flagged
    /// without; late; due later; without a running clock; closed. A status filter keeps the parts that
    /// can hold it (a due time is set only while a case is unresolved and not paused).
    /// </summary>
    private IEnumerable<IQueryable<Complaint>> Arms(IQueryable<Complaint> cases, DateTime now)
    {
        ComplaintStatus? status = Enum.TryParse<ComplaintStatus>(Status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var all = status is null && Status == "All";
        if (status is { } only)
        {
            cases = cases.Where(c => c.Status == only);
        }

        if (status != ComplaintStatus.Closed)
        {
            var flagged = cases.Where(c => c.Attention == ComplaintAttention.Flagged);
            var open = cases.Where(c => c.Attention == ComplaintAttention.Open);
            if (status is null or ComplaintStatus.Open or ComplaintStatus.AwaitingCustomer)
            {
                yield return InIndexOrder(flagged.Where(c => c.TierDueUtc != null));
                yield return InIndexOrder(open.Where(c => c.TierDueUtc <= now));
                yield return InIndexOrder(open.Where(c => c.TierDueUtc > now));
            }

            yield return InIndexOrder(flagged.Where(c => c.TierDueUtc == null));
            yield return InIndexOrder(open.Where(c => c.TierDueUtc == null));
        }

        if (all || status == ComplaintStatus.Closed)
        {
            yield return InIndexOrder(cases.Where(c => c.Attention == ComplaintAttention.Closed));
        }
    }

    private static IQueryable<Complaint> InIndexOrder(IQueryable<Complaint> arm) => arm.OrderBy(c => c.TierDueUtc).ThenByDescending(c => c.Id);
}

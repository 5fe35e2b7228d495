using DealerCrm.Domain.Complaints;

namespace DealerCrm.Infrastructure.Complaints;

/// <summary>
/// The complaint list's filters as queries, so the list and the figures that link to it (the
/// cockpit's "overdue" and "near the 7-working-day floor") count exactly the same cases.
/// </summary>
public static class ComplaintQueries
{
    /// <summary>A case about the reader is never shown to them (nor counted where a figure links to a list).</summary>
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> cases, string? readerUserId) =>
        cases.Where(c => c.ConcernedUserId == null || c.ConcernedUserId != readerUserId);

    public static IQueryable<Complaint> Open(this IQueryable<Complaint> cases) => cases.Where(c => c.Status != ComplaintStatus.Closed);

    /// <summary>Past the tier's deadline (or the top tier's, with nowhere to escalate), or past the legal limit with the customer not told.</summary>
    public static IQueryable<Complaint> Late(this IQueryable<Complaint> cases, DateTime nowUtc) =>
        cases.Where(c => c.TierOverdue || (c.TierDueUtc != null && c.TierDueUtc <= nowUtc)
            || (c.CustomerToldUtc == null && c.LegalDueUtc <= nowUtc && c.Status != ComplaintStatus.Closed));

    /// <summary>Open, flagged by the job as nearing the 7-working-day limit, and the customer still not told the outcome.</summary>
    public static IQueryable<Complaint> NearLegalLimit(this IQueryable<Complaint> cases) =>
        cases.Where(c => c.Status != ComplaintStatus.Closed && c.LegalFlagged && c.CustomerToldUtc == null);

    public static IQueryable<Complaint> OfDepartment(this IQueryable<Complaint> cases, ComplaintDepartment? department) =>
        department is { } d ? cases.Where(c => c.Department == d) : cases;
}

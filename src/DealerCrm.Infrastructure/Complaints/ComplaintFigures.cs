using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Infrastructure.Complaints;

/// <summary>What the analysis counts complaints by.</summary>
public enum ComplaintDimension
{
    Category = 1,
    Department = 2,
    Tier = 3,
    Channel = 4,
}

/// <summary>Weeks (ISO, yyyyww) or months (yyyymm) of the local day a case was received.</summary>
public enum ComplaintPeriod
{
    Week = 1,
    Month = 2,
}

/// <summary>The count of cases received in one period with one value of a dimension (the enum's number, or the tier).</summary>
public sealed record ComplaintCell(int Period, int Key, int Count);

/// <summary>The range's totals: cases, closed, mean and 90th percentile hours to close, escalated, corrective actions decided and done.</summary>
public sealed record ComplaintSummary(int Total, int Closed, double? MeanHoursToClose, double? P90HoursToClose, int Escalated, int ActionsDecided, int ActionsDone)
{
    public double EscalatedShare => Total == 0 ? 0 : (double)Escalated / Total;
}

/// <summary>The cases open now: by tier (index 0 is tier 1), late against their deadline, near the 7-working-day floor.</summary>
public sealed record ComplaintPulse(IReadOnlyList<int> OpenByTier, int Late, int NearLegalLimit)
{
    public int Open => OpenByTier.Sum();
}

/// <summary>A case of the period as the weekly pack lists it.</summary>
public sealed record TopComplaintRow(int Id, string Number, DateTime ReceivedUtc, string CustomerName, ComplaintCategory Category, ComplaintDepartment Department, ComplaintSeverity Severity, int Tier, ComplaintStatus Status);

/// <summary>A corrective action decided on a case, and whether it was carried out.</summary>
public sealed record CorrectiveActionRow(int Id, string Number, DateTime ReceivedUtc, ComplaintCategory Category, ComplaintDepartment Department, string Action, DateTime? DoneUtc);

/// <summary>
/// The complaint figures for the weekly analysis, the export and the managers' cockpit:
/// every aggregate in SQL (GROUP BY, COUNT, AVG on stored columns: the received week and month,
/// the hours to close), never a table in memory. Ranges are [fromUtc, toUtc) of the received instant.
/// </summary>
public sealed class ComplaintFigures(DealerCrmDbContext db)
{
    public const int MaxActionRows = 500;

    /// <summary>The number of cases per period and value of the dimension, ordered by period.</summary>
    public async Task<IReadOnlyList<ComplaintCell>> CountsAsync(DateTime fromUtc, DateTime toUtc, ComplaintPeriod period, ComplaintDimension dimension, CancellationToken cancellationToken, ComplaintDepartment? department = null)
    {
        var inRange = InRange(fromUtc, toUtc, department);
        var keyed = (period, dimension) switch
        {
            (ComplaintPeriod.Week, ComplaintDimension.Category) => inRange.Select(c => new { Period = c.ReceivedWeek, Key = (int)c.Category }),
            (ComplaintPeriod.Week, ComplaintDimension.Department) => inRange.Select(c => new { Period = c.ReceivedWeek, Key = (int)c.Department }),
            (ComplaintPeriod.Week, ComplaintDimension.Tier) => inRange.Select(c => new { Period = c.ReceivedWeek, Key = c.Tier }),
            (ComplaintPeriod.Week, ComplaintDimension.Channel) => inRange.Select(c => new { Period = c.ReceivedWeek, Key = (int)c.Channel }),
            (ComplaintPeriod.Month, ComplaintDimension.Category) => inRange.Select(c => new { Period = c.ReceivedMonth, Key = (int)c.Category }),
            (ComplaintPeriod.Month, ComplaintDimension.Department) => inRange.Select(c => new { Period = c.ReceivedMonth, Key = (int)c.Department }),
            (ComplaintPeriod.Month, ComplaintDimension.Tier) => inRange.Select(c => new { Period = c.ReceivedMonth, Key = c.Tier }),
            (ComplaintPeriod.Month, ComplaintDimension.Channel) => inRange.Select(c => new { Period = c.ReceivedMonth, Key = (int)c.Channel }),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        return await keyed.GroupBy(k => new { k.Period, k.Key })
            .OrderBy(g => g.Key.Period).ThenBy(g => g.Key.Key)
            .Select(g => new ComplaintCell(g.Key.Period, g.Key.Key, g.Count()))
            .ToListAsync(cancellationToken);
    }

    public async Task<ComplaintSummary> SummaryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken, ComplaintDepartment? department = null)
    {
        var inRange = InRange(fromUtc, toUtc, department);
        var totals = await inRange.GroupBy(c => 1).Select(g => new
        {
            Total = g.Count(),
            Closed = g.Count(c => c.HoursToClose != null),
            Mean = g.Average(c => c.HoursToClose),
            Escalated = g.Count(c => c.Escalations > 0),
            Decided = g.Count(c => c.CorrectiveAction != null),
            Done = g.Count(c => c.CorrectiveActionDoneUtc != null),
        }).SingleOrDefaultAsync(cancellationToken);
        if (totals is null)
        {
            return new ComplaintSummary(0, 0, null, null, 0, 0, 0);
        }

        // Nearest-rank 90th percentile: the ceil(0.9 n)-th smallest, read by one ordered seek.
        double? p90 = null;
        if (totals.Closed > 0)
        {
            var rank = (int)Math.Ceiling(0.9 * totals.Closed);
            p90 = await inRange.Where(c => c.HoursToClose != null).OrderBy(c => c.HoursToClose)
                .Skip(rank - 1).Select(c => c.HoursToClose).FirstAsync(cancellationToken);
        }

        return new ComplaintSummary(totals.Total, totals.Closed, totals.Mean, p90, totals.Escalated, totals.Decided, totals.Done);
    }

    /// <summary>The corrective actions decided on cases of the range, newest first (at most <see cref="MaxActionRows"/>): the export.</summary>
    public Task<IReadOnlyList<CorrectiveActionRow>> CorrectiveActionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken, ComplaintDepartment? department = null) =>
        CorrectiveActionsAsync(fromUtc, toUtc, 0, MaxActionRows, cancellationToken, department);

    /// <summary>
    /// <paramref name="take"/> of the corrective actions decided on cases of the range after <paramref name="skip"/>, newest first:
    /// a page of them (the summary's <see cref="ComplaintSummary.ActionsDecided"/> counts them all).
    /// </summary>
    public async Task<IReadOnlyList<CorrectiveActionRow>> CorrectiveActionsAsync(DateTime fromUtc, DateTime toUtc, int skip, int take, CancellationToken cancellationToken, ComplaintDepartment? department = null) =>
        await InRange(fromUtc, toUtc, department).Where(c => c.CorrectiveAction != null)
            .OrderByDescending(c => c.ReceivedUtc).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CorrectiveActionRow(c.Id, c.Number, c.ReceivedUtc, c.Category, c.Department, c.CorrectiveAction!, c.CorrectiveActionDoneUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The open cases now that the reader's list shows, counted with the list's own filters (<see cref="ComplaintQueries"/>).</summary>
    public async Task<ComplaintPulse> PulseAsync(DateTime nowUtc, ComplaintDepartment? department, string? readerUserId, CancellationToken cancellationToken)
    {
        var open = db.Complaints.AsNoTracking().VisibleTo(readerUserId).OfDepartment(department).Open();
        var byTier = await open.GroupBy(c => c.Tier).Select(g => new { Tier = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var tiers = Enumerable.Range(ComplaintTiers.Lowest, ComplaintTiers.Highest - ComplaintTiers.Lowest + 1)
            .Select(t => byTier.FirstOrDefault(x => x.Tier == t)?.Count ?? 0).ToList();
        return new ComplaintPulse(tiers, await open.Late(nowUtc).CountAsync(cancellationToken), await open.NearLegalLimit().CountAsync(cancellationToken));
    }

    /// <summary>The period's gravest cases for the weekly pack: highest tier, then severity, then newest; never a case about the reader (as on the list).</summary>
    public async Task<IReadOnlyList<TopComplaintRow>> TopAsync(DateTime fromUtc, DateTime toUtc, ComplaintDepartment? department, string? readerUserId, int take, CancellationToken cancellationToken) =>
        await InRange(fromUtc, toUtc, department).VisibleTo(readerUserId)
            .Join(db.Customers, c => c.CustomerId, k => k.Id, (c, k) => new { Case = c, CustomerName = k.Name })
            .OrderByDescending(x => x.Case.Tier).ThenByDescending(x => x.Case.Severity).ThenByDescending(x => x.Case.ReceivedUtc).Take(take)
            .Select(x => new TopComplaintRow(x.Case.Id, x.Case.Number, x.Case.ReceivedUtc, x.CustomerName, x.Case.Category, x.Case.Department, x.Case.Severity, x.Case.Tier, x.Case.Status))
            .ToListAsync(cancellationToken);

    private IQueryable<Complaint> InRange(DateTime fromUtc, DateTime toUtc, ComplaintDepartment? department) =>
        db.Complaints.AsNoTracking().Where(c => c.ReceivedUtc >= fromUtc && c.ReceivedUtc < toUtc).OfDepartment(department);
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>Which surveys a figure covers: a program, a range of local months (yyyymm), optionally one rated person.</summary>
public sealed record CsiPeriod(SurveyProgram Program, int FromMonth, int ToMonth, string? StaffUserId = null)
{
    /// <summary>The twelve months up to and including the one of <paramref name="today"/>.</summary>
    public static CsiPeriod LastTwelveMonths(SurveyProgram program, DateOnly today, string? staffUserId = null) =>
        new(program, Survey.MonthKey(new DateOnly(today.Year, today.Month, 1).AddMonths(-11)), Survey.MonthKey(today), staffUserId);

    public IEnumerable<int> Months()
    {
        for (var m = Survey.MonthStart(FromMonth); Survey.MonthKey(m) <= ToMonth; m = m.AddMonths(1))
        {
            yield return Survey.MonthKey(m);
        }
    }
}

public sealed record MonthFigure(int Month, int Surveys, double? Index, int Satisfied)
{
    public double? SatisfactionPercent => Surveys == 0 ? null : 100d * Satisfied / Surveys;
}

public static class MonthFigures
{
    /// <summary>Satisfied surveys over the months (no answer at or below the alert threshold), in percent.</summary>
    public static double? SatisfactionPercent(this IReadOnlyList<MonthFigure> months)
    {
        var surveys = months.Sum(m => m.Surveys);
        return surveys == 0 ? null : 100d * months.Sum(m => m.Satisfied) / surveys;
    }
}

/// <summary>A factor's mean score (1-10) across the period's surveys, by its stable code.</summary>
public sealed record FactorFigure(string Code, string NameZh, string NameEn, int WeightPercent, int Surveys, double Score);

public sealed record StaffFigure(string? UserId, string Name, int Surveys, double Index);

public sealed record QuestionFigure(int QuestionId, int Version, int Number, string TextZh, string TextEn, int Answers, double Mean, double Variance);

public sealed record AlertFigure(int Open, int Overdue);

/// <summary>A surveyed customer's value (purchases and service spend) against their mean index.</summary>
public sealed class QuadrantRow
{
    public int CustomerId { get; set; }

    public string Name { get; set; } = "";

    public double AvgIndex { get; set; }

    public int Surveys { get; set; }

    public long ValueFen { get; set; }

    public Money Value => new(ValueFen);
}

/// <summary>
/// Every CSI/SSI figure of the dashboard, "my scores", the export (and later the managers'
/// cockpit), each aggregated in SQL: no survey, answer or customer is loaded to be counted.
/// </summary>
public sealed class CsiFigures(DealerCrmDbContext db, IOptions<CsiPolicy> policy, StaffDirectory staff, DealershipClock clock)
{
    public CsiPolicy Policy => policy.Value;

    public double TargetIndex => CsiScoring.TargetIndex(policy.Value.CsiTargetPercentOfMaximum);

    public CsiPeriod DefaultPeriod(SurveyProgram program, string? staffUserId = null) => CsiPeriod.LastTwelveMonths(program, clock.Today, staffUserId);

    public int ThisMonth => Survey.MonthKey(clock.Today);

    /// <summary>Each month of the period (empty months too): complete surveys, mean index, satisfied (no answer at or below the alert threshold).</summary>
    public async Task<IReadOnlyList<MonthFigure>> TrendAsync(CsiPeriod period, CancellationToken cancellationToken)
    {
        var threshold = policy.Value.AlertThreshold;
        var rows = await Complete(period)
            .GroupBy(s => s.TakenMonth)
            .Select(g => new { Month = g.Key, Count = g.Count(), Index = g.Average(s => s.Index), Satisfied = g.Count(s => s.LowestScore > threshold) })
            .ToListAsync(cancellationToken);
        return period.Months()
            .Select(m => rows.FirstOrDefault(r => r.Month == m) is { } r ? new MonthFigure(m, r.Count, r.Index, r.Satisfied) : new MonthFigure(m, 0, null, 0))
            .ToList();
    }

    public async Task<IReadOnlyList<FactorFigure>> FactorsAsync(CsiPeriod period, Questionnaire current, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.SurveyFactorScores
                          join s in Complete(period) on f.SurveyId equals s.Id
                          group f by f.FactorCode into g
                          select new { Code = g.Key, Count = g.Count(), Score = g.Average(x => x.Score) })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => current.Factors.FirstOrDefault(f => f.Code == r.Code) is { } f
                ? new FactorFigure(r.Code, f.NameZh, f.NameEn, f.WeightPercent, r.Count, r.Score)
                : new FactorFigure(r.Code, r.Code, r.Code, 0, r.Count, r.Score))
            .OrderBy(f => current.Factors.FirstOrDefault(x => x.Code == f.Code)?.Order ?? int.MaxValue)
            .ToList();
    }

    /// <summary>The index by the person rated (service advisor for CSI, salesperson for SSI), lowest first.</summary>
    public async Task<IReadOnlyList<StaffFigure>> ByStaffAsync(CsiPeriod period, CancellationToken cancellationToken)
    {
        var rows = await Complete(period)
            .GroupBy(s => s.StaffUserId)
            .Select(g => new { UserId = g.Key, Count = g.Count(), Index = g.Average(s => s.Index) })
            .ToListAsync(cancellationToken);
        var names = await staff.NamesByIdAsync(cancellationToken);
        return rows
            .Select(r => new StaffFigure(r.UserId, r.UserId is { } id && names.TryGetValue(id, out var n) ? n : "—", r.Count, r.Index ?? 0))
            .OrderBy(r => r.Index)
            .ToList();
    }

    /// <summary>Each question's mean and (population) variance over every answer in the period, weakest first.</summary>
    public async Task<IReadOnlyList<QuestionFigure>> QuestionsAsync(CsiPeriod period, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.SurveyAnswers
                          join s in Surveys(period) on a.SurveyId equals s.Id
                          where a.Score != null
                          group a by a.QuestionId into g
                          select new
                          {
                              QuestionId = g.Key,
                              Count = g.Count(),
                              Mean = g.Average(a => (double)a.Score!.Value),
                              MeanOfSquares = g.Average(a => (double)(a.Score!.Value * a.Score!.Value)),
                          })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.QuestionId).ToList();
        var questions = await (from q in db.QuestionnaireQuestions
                               join v in db.Questionnaires on q.QuestionnaireId equals v.Id
                               where ids.Contains(q.Id)
                               select new { q.Id, v.Version, q.Order, q.TextZh, q.TextEn })
            .ToDictionaryAsync(q => q.Id, cancellationToken);
        return rows
            .Select(r => new QuestionFigure(r.QuestionId, questions[r.QuestionId].Version, questions[r.QuestionId].Order, questions[r.QuestionId].TextZh,
                questions[r.QuestionId].TextEn, r.Count, r.Mean, Math.Max(0, r.MeanOfSquares - (r.Mean * r.Mean))))
            .OrderBy(q => q.Mean).ThenBy(q => q.Number)
            .ToList();
    }

    public async Task<AlertFigure> AlertsAsync(SurveyProgram program, CancellationToken cancellationToken)
    {
        var counts = await db.HotAlerts
            .Where(a => a.Program == program && a.Status == HotAlertStatus.Open)
            .GroupBy(a => 1)
            .Select(g => new { Open = g.Count(), Overdue = g.Count(a => a.DueUtc < clock.UtcNow) })
            .FirstOrDefaultAsync(cancellationToken);
        return new AlertFigure(counts?.Open ?? 0, counts?.Overdue ?? 0);
    }

    /// <summary>
    /// The value × satisfaction quadrant: each surveyed customer's mean index in the period against
    /// what they spent with us (deliveries and service visits), high-value low-satisfaction first,
    /// then by value. Plain SQL both providers read alike, composed by EF for the order and the limit.
    /// </summary>
    public async Task<IReadOnlyList<QuadrantRow>> QuadrantAsync(CsiPeriod period, int take, CancellationToken cancellationToken)
    {
        var program = (int)period.Program;
        var target = TargetIndex;
        var highValue = (long)policy.Value.HighValueFromYuan * 100;
        var rows = period.StaffUserId is { } staffId
            ? db.Database.SqlQuery<QuadrantRow>($"""
                SELECT s.CustomerId, c.Name, s.AvgIndex, s.Surveys,
                       COALESCE((SELECT SUM(d.Price) FROM Deliveries d WHERE d.CustomerId = s.CustomerId), 0)
                     + COALESCE((SELECT SUM(v.Amount) FROM ServiceVisits v WHERE v.CustomerId = s.CustomerId), 0) AS ValueFen
                FROM (SELECT CustomerId, AVG(IndexPoints) AS AvgIndex, COUNT(*) AS Surveys FROM Surveys
                      WHERE Program = {program} AND IsComplete = 1 AND TakenMonth >= {period.FromMonth} AND TakenMonth <= {period.ToMonth} AND StaffUserId = {staffId}
                      GROUP BY CustomerId) s
                JOIN Customers c ON c.Id = s.CustomerId
                """)
            : db.Database.SqlQuery<QuadrantRow>($"""
                SELECT s.CustomerId, c.Name, s.AvgIndex, s.Surveys,
                       COALESCE((SELECT SUM(d.Price) FROM Deliveries d WHERE d.CustomerId = s.CustomerId), 0)
                     + COALESCE((SELECT SUM(v.Amount) FROM ServiceVisits v WHERE v.CustomerId = s.CustomerId), 0) AS ValueFen
                FROM (SELECT CustomerId, AVG(IndexPoints) AS AvgIndex, COUNT(*) AS Surveys FROM Surveys
                      WHERE Program = {program} AND IsComplete = 1 AND TakenMonth >= {period.FromMonth} AND TakenMonth <= {period.ToMonth}
                      GROUP BY CustomerId) s
                JOIN Customers c ON c.Id = s.CustomerId
                """);
        return await rows
            .OrderBy(r => r.AvgIndex < target && r.ValueFen >= highValue ? 0 : 1)
            .ThenByDescending(r => r.ValueFen)
            .ThenBy(r => r.AvgIndex)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public bool IsHighValue(QuadrantRow row) => row.ValueFen >= (long)policy.Value.HighValueFromYuan * 100;

    public bool IsLowSatisfaction(QuadrantRow row) => row.AvgIndex < TargetIndex;

    private IQueryable<Survey> Surveys(CsiPeriod period)
    {
        var query = db.Surveys.AsNoTracking().Where(s => s.Program == period.Program && s.TakenMonth >= period.FromMonth && s.TakenMonth <= period.ToMonth);
        return period.StaffUserId is { } staffId ? query.Where(s => s.StaffUserId == staffId) : query;
    }

    private IQueryable<Survey> Complete(CsiPeriod period) => Surveys(period).Where(s => s.IsComplete);
}

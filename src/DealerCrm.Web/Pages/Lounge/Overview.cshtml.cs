using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>
/// The lounge at a glance for managers, over the last months: days without a completed sheet,
/// violations per item per month (which rules fail most), fines per person per month. Every
/// number is counted in SQL; each chart has its table beside it.
/// </summary>
[Authorize(Policy = Policies.LoungeManage)]
public sealed class OverviewModel(DealerCrmDbContext db, LoungeFigures figures, StaffDirectory staff, DealershipClock clock) : PageModel
{
    public const int MonthsShown = 3;

    public sealed record ItemMonth(int ItemId, int Month, int Count);

    public IReadOnlyList<int> Months { get; private set; } = [];

    public IReadOnlyList<LoungeMonthDays> Days { get; private set; } = [];

    /// <summary>Past days of the current month without a completed sheet.</summary>
    public IReadOnlyList<DateOnly> MissingDays { get; private set; } = [];

    public IReadOnlyList<LoungeItem> Items { get; private set; } = [];

    public IReadOnlyList<ItemMonth> Violations { get; private set; } = [];

    public IReadOnlyList<FineTotal> Fines { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        Months = Enumerable.Range(0, MonthsShown).Select(i => LoungeFine.MonthOf(first.AddMonths(i))).ToList();

        var days = new List<LoungeMonthDays>();
        foreach (var month in Months)
        {
            days.Add(await figures.DaysAsync(month, cancellationToken));
        }

        Days = days;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var completedDays = await db.LoungeSheets.AsNoTracking()
            .Where(s => s.Day >= thisMonth && s.Day < today && s.CompletedUtc != null)
            .Select(s => s.Day).ToListAsync(cancellationToken);
        MissingDays = Enumerable.Range(0, today.DayNumber - thisMonth.DayNumber).Select(thisMonth.AddDays).Except(completedDays).ToList();

        var fromMonth = Months[0];
        // One fine per violation: counting fines by their check's item counts the violations.
        Violations = await db.LoungeFines.AsNoTracking().Where(f => f.Month >= fromMonth)
            .Join(db.LoungeChecks, f => f.CheckId, c => c.Id, (f, c) => new { c.ItemId, f.Month })
            .GroupBy(x => new { x.ItemId, x.Month })
            .Select(g => new ItemMonth(g.Key.ItemId, g.Key.Month, g.Count()))
            .ToListAsync(cancellationToken);
        Items = await db.LoungeItems.AsNoTracking().OrderBy(i => i.Position).ToListAsync(cancellationToken);
        Fines = await FineLedger.TotalsAsync(db.LoungeFines.AsNoTracking().Where(f => f.Month >= fromMonth), cancellationToken);
        Names = await staff.NamesByIdAsync(cancellationToken);
    }

    /// <summary>Items with at least one violation in the months shown, most violated first.</summary>
    public IReadOnlyList<(LoungeItem Item, int Total)> ViolatedItems() =>
        Items.Select(i => (Item: i, Total: Violations.Where(v => v.ItemId == i.Id).Sum(v => v.Count)))
            .Where(x => x.Total > 0).OrderByDescending(x => x.Total).ThenBy(x => x.Item.Position).ToList();

    public int ViolationsOf(int itemId, int month) => Violations.Where(v => v.ItemId == itemId && v.Month == month).Sum(v => v.Count);

    public IReadOnlyList<string> FinedStaff() =>
        Fines.GroupBy(f => f.StaffUserId).OrderByDescending(g => g.Sum(f => f.DueFen)).Select(g => g.Key).ToList();

    public FineTotal? FinesOf(string userId, int month) => Fines.FirstOrDefault(f => f.StaffUserId == userId && f.Month == month);

    public string NameOf(string userId) => Names.GetValueOrDefault(userId, userId);

    public object DaysChart(string completedLabel, string missingLabel) => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 40, right = 16, top = 36, bottom = 28 },
        xAxis = new { type = "category", data = Months.Select(FineLedger.MonthText) },
        yAxis = new { type = "value", minInterval = 1 },
        series = new object[]
        {
            new { name = completedLabel, type = "bar", stack = "days", data = Days.Select(d => d.Completed), itemStyle = new { color = "#198754" } },
            new { name = missingLabel, type = "bar", stack = "days", data = Days.Select(d => d.Missing), itemStyle = new { color = "#dc3545" } },
        },
    };

    public object ViolationsChart() => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 40, right = 16, top = 36, bottom = 28 },
        xAxis = new { type = "category", data = ViolatedItems().Select(x => x.Item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        yAxis = new { type = "value", minInterval = 1 },
        series = Months.Select(m => new { name = FineLedger.MonthText(m), type = "bar", data = ViolatedItems().Select(x => ViolationsOf(x.Item.Id, m)) }),
    };

    public object FinesChart() => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 48, right = 16, top = 36, bottom = 28 },
        xAxis = new { type = "category", data = FinedStaff().Select(NameOf) },
        yAxis = new { type = "value" },
        series = Months.Select(m => new { name = FineLedger.MonthText(m), type = "bar", data = FinedStaff().Select(s => (FinesOf(s, m)?.DueFen ?? 0) / 100m) }),
    };
}

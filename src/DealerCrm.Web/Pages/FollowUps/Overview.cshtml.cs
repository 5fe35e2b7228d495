using DealerCrm.Domain.Common;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>
/// For managers: overdue tasks by owner (and reassigning them), the return-visit and on-time
/// rates per person, per kind and per week, the under-warranty rate against its 100% target.
/// </summary>
[Authorize(Policy = Policies.FollowUpsReports)]
public sealed class OverviewModel(
    DealerCrmDbContext db,
    FollowUpStats stats,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<FollowUpPolicy> policy,
    IStringLocalizer<SharedResource> l,
    Notifier notifier) : PageModel
{
    private const int PageSize = 50;
    private const int Weeks = 8;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    /// <summary>The overdue list's order: by due time (the default, oldest first), customer or owner.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortBy { get; set; }

    public static readonly string[] SortKeys = ["due", "customer", "owner"];

    public SortOrder Sort => SortOrder.Parse(SortBy, SortKeys, new SortOrder("due", false));

    public IReadOnlyList<OwnerLoad> OverdueByOwner { get; private set; } = [];

    public PagedList<OverdueRow> Overdue { get; private set; } = null!;

    public IReadOnlyList<RatesRow> ByPerson { get; private set; } = [];

    public IReadOnlyList<RatesRow> ByKind { get; private set; } = [];

    public IReadOnlyList<RatesRow> ByWeek { get; private set; } = [];

    public FollowUpRates Total { get; private set; } = FollowUpRates.None;

    public FollowUpRates UnderWarranty { get; private set; } = FollowUpRates.None;

    public int WarrantyTarget => policy.Value.ReturnVisitTargetUnderWarrantyPercent;

    /// <summary>Duties never created because the job first saw them too late to serve (go-live history), per kind.</summary>
    public IReadOnlyList<FollowUpSkipCount> Skipped { get; private set; } = [];

    public int SkipDays => policy.Value.SkipTimeBoundFirstSeenDaysAfterDue;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    /// <summary>The follow-up managers hand tasks on; the other readers of the overview only read it.</summary>
    /// <summary>Every overdue task of the dealership (the list below holds the reader's own department's).</summary>
    public int OverdueTotal => OverdueByOwner.Sum(o => o.Count);

    public bool MayReassign => Policies.Allows(Policies.FollowUpsManage, Roles.All.Where(User.IsInRole));

    public sealed record OwnerLoad(string Label, int Count, DateTime OldestDueUtc);

    public sealed record OverdueRow(long Id, FollowUpKind Kind, DateTime DueUtc, string? OwnerUserId, string OwnerRole, string CustomerName, int CustomerId)
    {
        /// <summary>The owner's name, or null while the task waits in its pool.</summary>
        public string? OwnerName { get; init; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        To ??= clock.Today;
        From ??= FollowUpStats.WeekStart(To.Value);
        if (From > To)
        {
            (From, To) = (To, From);
        }

        var names = (await staff.InRolesAsync(Roles.All, cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName);
        string Owner(string? userId, string role) => userId is null ? l["FollowUps.Pool", l["Role." + role]] : names.GetValueOrDefault(userId, userId);

        var overdue = stats.OverdueNow();
        OverdueByOwner = (await stats.OverdueByOwnerAsync(cancellationToken))
            .Select(g => new OwnerLoad(Owner(g.OwnerUserId, g.OwnerRole), g.Count, g.OldestDueUtc)).ToList();
        // The list to hand on holds the manager's own department's tasks; the counts above are the dealership's.
        var pools = FollowUpDuty.Supervision.PoolsSupervisedBy(Roles.All.Where(User.IsInRole)).ToList();
        var rows = overdue.Where(t => pools.Contains(t.OwnerRole))
            .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new
            {
                t.Id,
                t.Kind,
                t.DueUtc,
                t.OwnerUserId,
                t.OwnerRole,
                CustomerName = c.Name,
                CustomerId = c.Id,
                OwnerName = db.Users.Where(u => u.Id == t.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            });
        // Sorted in SQL before the rows are shaped; pool tasks (no owner) sort before named owners.
        var sorted = Sort switch
        {
            { Key: "customer", Descending: false } => rows.OrderBy(r => r.CustomerName),
            { Key: "customer" } => rows.OrderByDescending(r => r.CustomerName),
            { Key: "owner", Descending: false } => rows.OrderBy(r => r.OwnerName),
            { Key: "owner" } => rows.OrderByDescending(r => r.OwnerName),
            { Descending: true } => rows.OrderByDescending(r => r.DueUtc),
            _ => rows.OrderBy(r => r.DueUtc),
        };
        Overdue = await sorted.ThenBy(r => r.Id)
            .Select(r => new OverdueRow(r.Id, r.Kind, r.DueUtc, r.OwnerUserId, r.OwnerRole, r.CustomerName, r.CustomerId) { OwnerName = r.OwnerName })
            .ToPagedListAsync(PageNumber, PageSizes.Pick(Size, PageSize), cancellationToken);

        var period = stats.DueIn(From.Value, To.Value);
        Total = await stats.TotalAsync(period, cancellationToken);
        UnderWarranty = await stats.TotalAsync(stats.UnderWarranty(period), cancellationToken);
        ByPerson = (await stats.ByOwnerAsync(period, cancellationToken))
            .Select(o => new RatesRow(Owner(o.UserId, o.Role), o.Rates, o.UserId)).OrderBy(r => r.Label).ToList();
        Skipped = await db.FollowUpSkipCounts.AsNoTracking().OrderBy(c => c.Kind).ToListAsync(cancellationToken);
        ByKind = (await stats.ByKindAsync(period, cancellationToken)).Select(k => new RatesRow(l[$"Enum.FollowUpKind.{k.Kind}"], k.Rates)).ToList();

        var weeks = new List<RatesRow>();
        var monday = FollowUpStats.WeekStart(clock.Today);
        for (var w = Weeks - 1; w >= 0; w--)
        {
            var start = monday.AddDays(-7 * w);
            weeks.Add(new RatesRow(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                await stats.TotalAsync(stats.DueIn(start, start.AddDays(6)), cancellationToken)));
        }

        ByWeek = weeks;
        Staff = await staff.InRolesAsync([Roles.CsAgent, Roles.CsDirector, Roles.SalesManager, Roles.Salesperson], cancellationToken);
    }

    /// <summary>Gives the chosen overdue tasks to a colleague who holds the task's role (or back to its pool).</summary>
    public async Task<IActionResult> OnPostReassignAsync(long[] taskIds, string? toUserId, CancellationToken cancellationToken)
    {
        // Readers of the overview (department managers, the technical director) hand nothing on.
        if (!MayReassign)
        {
            return Forbid();
        }

        var tasks = await db.FollowUpTasks.Where(t => taskIds.Contains(t.Id) && t.Status == FollowUpStatus.Open).ToListAsync(cancellationToken);
        var target = string.IsNullOrEmpty(toUserId) ? null : await db.Users.Where(u => u.Id == toUserId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(toUserId) && target is null)
        {
            // Nobody (or a disabled account): refused, not quietly read as "back to the pool".
            TempData["Flash"] = l["FollowUps.ReassignUnknownUser"].Value;
            return RedirectToPage();
        }

        // A manager hands on only their own department's tasks (the domain's supervision table).
        var manager = FollowUpDuty.Access.Viewer(User.UserId()!, Roles.All.Where(User.IsInRole));
        var notTheirs = tasks.RemoveAll(t => !FollowUpDuty.Access.May(DutyRule.Reassign, t, manager));
        // The domain says who may be given a task: holds its pool's role, not excluded from it.
        var given = target is null ? null : FollowUpDuty.Access.Viewer(target.Id, await staff.RolesOfAsync(target.Id, cancellationToken));
        var moved = 0;
        var skipped = 0;
        var movedTasks = new List<FollowUpTask>();
        foreach (var task in tasks)
        {
            if (given is not null && !FollowUpDuty.Access.May(DutyRule.Own, task, given))
            {
                skipped++;
                continue;
            }

            task.Reassign(target?.Id, User.Identity!.Name!, target?.DisplayName ?? l["FollowUps.Pool", l["Role." + task.OwnerRole]], clock.UtcNow);
            movedTasks.Add(task);
            moved++;
        }

        if (target is not null && target.Id != User.UserId() && movedTasks.Count > 0)
        {
            await TaskNotices.NotifyReassignedAsync(notifier, target.Id, User.DisplayName(), movedTasks, clock, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = skipped == 0 ? l["FollowUps.Reassigned", moved].Value : l["FollowUps.ReassignedSome", moved, skipped].Value;
        if (notTheirs > 0)
        {
            TempData["Flash"] += " " + l["FollowUps.ReassignOtherDepartment", notTheirs].Value;
        }
        return RedirectToPage();
    }
}

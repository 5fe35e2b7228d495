using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Jobs;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Backups;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.Jobs;

/// <summary>
/// The background jobs and the rows they set aside: what failed, why, since when; a retry once
/// the row is corrected (the job's next run takes it up). Resolved rows stay listed below.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(
    DealerCrmDbContext db,
    JobHost host,
    IEnumerable<PeriodicJobRegistration> registrations,
    DealershipClock clock,
    BackupFolder backups,
    DatabaseSettings database,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    /// <summary>Whether the backup job backs this database up (SQLite); on SQL Server backups are the DBA's.</summary>
    public bool BackupsByJob => database.Provider == DatabaseProvider.Sqlite;

    /// <summary>The newest backup file, if any.</summary>
    public BackupFile? LastBackup { get; private set; }

    public string BackupFolderPath => backups.Path;

    public PagedList<Row> Rows { get; private set; } = null!;

    public sealed record JobRow(string Name, TimeSpan Interval, long Ticks, int Open);

    public sealed record Row(long Id, string Job, string Source, long SourceId, string Reason,
        DateTime FirstFailedUtc, DateTime LastFailedUtc, int Failures, SetAsideStatus Status, string? RetryRequestedBy);

    /// <summary>The customer file each listed row belongs to, so the admin can open it and correct the row.</summary>
    public IReadOnlyDictionary<long, int> CustomerByRow { get; private set; } = new Dictionary<long, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var open = await db.SetAsideRows.AsNoTracking().Where(r => r.Status != SetAsideStatus.Resolved)
            .GroupBy(r => r.Job).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        LastBackup = BackupsByJob ? backups.Latest() : null;
        Jobs = registrations.Select(r => new JobRow(r.Name, r.Interval(HttpContext.RequestServices), host.TicksOf(r.Name), open.GetValueOrDefault(r.Name))).ToList();
        // Open rows first, the newest failure first within each state.
        Rows = await db.SetAsideRows.AsNoTracking()
            .OrderBy(r => r.Status == SetAsideStatus.Resolved).ThenByDescending(r => r.LastFailedUtc).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Job, r.Source, r.SourceId, r.Reason,
                r.FirstFailedUtc, r.LastFailedUtc, r.Failures, r.Status, r.RetryRequestedBy))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
        var customers = new Dictionary<long, int>();
        foreach (var row in Rows.Items)
        {
            if (await CustomerOfAsync(row.Source, row.SourceId, cancellationToken) is { } customerId)
            {
                customers[row.Id] = customerId;
            }
        }

        CustomerByRow = customers;
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.SetAsideRows.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status == SetAsideStatus.Resolved)
        {
            TempData["Flash"] = l["Jobs.AlreadyResolved"].Value;
            return RedirectToPage();
        }

        row.RequestRetry(User.Identity!.Name!, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = l["Jobs.RetryRequested"].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The job took the row up (or failed it again) a moment ago: show it as it is now.
            TempData["Flash"] = l["Jobs.ChangedMeanwhile"].Value;
        }

        return RedirectToPage();
    }

    private async Task<int?> CustomerOfAsync(string source, long sourceId, CancellationToken cancellationToken) => source switch
    {
        FollowUpSources.Customer => (int)sourceId,
        FollowUpSources.FamilyMember => await db.FamilyMembers.Where(f => f.Id == sourceId).Select(f => (int?)f.CustomerId).FirstOrDefaultAsync(cancellationToken),
        FollowUpSources.Vehicle => await db.Vehicles.Where(v => v.Id == sourceId).Select(v => (int?)v.CustomerId).FirstOrDefaultAsync(cancellationToken),
        FollowUpSources.Delivery => await db.Deliveries.Where(d => d.Id == sourceId).Select(d => (int?)d.CustomerId).FirstOrDefaultAsync(cancellationToken),
        FollowUpSources.ServiceVisit => await db.ServiceVisits.Where(s => s.Id == sourceId).Select(s => (int?)s.CustomerId).FirstOrDefaultAsync(cancellationToken),
        _ => null,
    };
}

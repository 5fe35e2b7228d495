using DealerCrm.Domain.Common;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Privacy;

/// <summary>
/// The confidentiality log (保密记录): every reveal of a phone number (who, when, which customer,
/// why), every export, import, merge and anonymisation. Users revealing unusually many numbers
/// in the last 7 days are flagged at the top: RULES asks for suspected leaks to be reported.
/// </summary>
[Authorize(Policy = Policies.PrivacyRead)]
public sealed class RevealLogModel(DealerCrmDbContext db, DealershipClock clock, IOptions<PrivacyPolicy> policy) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public PrivacyAction? Action { get; set; } = PrivacyAction.RevealContact;

    [BindProperty(SupportsGet = true)]
    public string? User1 { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Entries { get; private set; } = null!;

    public IReadOnlyList<Flag> Flags { get; private set; } = [];

    public int AlertThreshold => policy.Value.RevealsPerWeekAlert;

    public sealed record Row(DateTime AtUtc, string UserName, PrivacyAction Action, int? CustomerId, string? CustomerNumber, string? CustomerName, string? Reason, string? Details, int? RowCount);

    public sealed record Flag(string UserName, int Reveals);

    /// <summary>Users who searched by phone digits unusually often today (an attempt to work numbers out from the hits).</summary>
    public IReadOnlyList<Flag> PhoneSearchFlags { get; private set; } = [];

    public int PhoneSearchThreshold => policy.Value.PhoneSearchesPerDayFlag;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.PrivacyLog.AsNoTracking();
        if (Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(User1))
        {
            query = query.Where(e => e.UserName == User1.Trim());
        }

        Entries = await query
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new Row(e.AtUtc, e.UserName, e.Action, e.CustomerId,
                db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Number).FirstOrDefault(),
                db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Name).FirstOrDefault(),
                e.Reason, e.Details, e.RowCount))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);

        var since = clock.UtcNow.AddDays(-7);
        Flags = await db.PrivacyLog.AsNoTracking()
            .Where(e => e.Action == PrivacyAction.RevealContact && e.AtUtc >= since)
            .GroupBy(e => e.UserName)
            .Where(g => g.Count() > policy.Value.RevealsPerWeekAlert)
            .OrderByDescending(g => g.Count())
            .Select(g => new Flag(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

        var today = clock.StartOfDayUtc(clock.Today);
        PhoneSearchFlags = await db.PrivacyLog.AsNoTracking()
            .Where(e => e.Action == PrivacyAction.PhoneSearch && e.AtUtc >= today)
            .GroupBy(e => e.UserName)
            .Where(g => g.Count() > policy.Value.PhoneSearchesPerDayFlag)
            .OrderByDescending(g => g.Count())
            .Select(g => new Flag(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
    }
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Letters;

/// <summary>
/// The day's batch: every thank-you letter due that day (24 h after its delivery), listed with
/// whether it was sent, and printable as one PDF, one page a letter: the letters not yet sent,
/// or every letter of the day when asked for all (to reprint one that went astray).
/// </summary>
[Authorize(Policy = Policies.LettersPrint)]
public sealed class BatchModel(DealerCrmDbContext db, ThankYouLetters letters, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public DateOnly Day { get; private set; }

    public IReadOnlyList<Row> Letters { get; private set; } = [];

    public sealed record Row(long TaskId, int DeliveryId, string CustomerName, string Number, string Vehicle, DateTime DeliveredAtUtc, string? Salesperson, FollowUpStatus Status);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Letters still to send (the task is open).</summary>
    public int UnsentCount => Letters.Count(r => r.Status == FollowUpStatus.Open);

    public async Task<IActionResult> OnGetPdfAsync(bool all, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var chosen = Letters.Where(r => all || r.Status == FollowUpStatus.Open).Select(r => r.DeliveryId).ToList();
        var prepared = await letters.PrepareAsync(chosen, Day, cancellationToken);
        if (prepared.Count == 0)
        {
            TempData["Flash"] = (Letters.Count == 0 ? l["Letters.NoneThatDay"] : l["Letters.AllSent"]).Value;
            return RedirectToPage(new { date = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }

        var pdf = await letters.PrintAsync(prepared, User.Identity!.Name!, cancellationToken);
        return Pdf.Inline(Response, pdf, l["Letters.BatchFileName", Day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Day = Date ?? clock.Today;
        var start = clock.StartOfDayUtc(Day);
        var end = clock.StartOfDayUtc(Day.AddDays(1));
        Letters = await (from t in db.FollowUpTasks
                         where t.Kind == FollowUpKind.ThankYouLetter && t.DueUtc >= start && t.DueUtc < end && t.Status != FollowUpStatus.Cancelled
                         join d in db.Deliveries on t.DeliveryId equals d.Id
                         join c in db.Customers on d.CustomerId equals c.Id
                         // An anonymised customer's letter is not printed (see ThankYouLetters), so it is not listed either.
                         where c.AnonymisedUtc == null
                         join v in db.Vehicles on d.VehicleId equals v.Id
                         orderby t.DueUtc
                         select new Row(t.Id, d.Id, c.Name, c.Number, v.Brand + " " + v.Model, d.DeliveredAtUtc,
                             db.Users.Where(u => u.Id == d.SalespersonId).Select(u => u.DisplayName).FirstOrDefault(), t.Status))
            .ToListAsync(cancellationToken);
    }
}

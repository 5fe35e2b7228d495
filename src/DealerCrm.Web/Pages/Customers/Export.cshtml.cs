using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// The current customer list (same search and filters) as .xlsx for managers. Phones are
/// masked in the file too; every export is logged with its filter and row count.
/// </summary>
[Authorize(Policy = Policies.CustomersExport)]
public sealed class ExportModel(DealerCrmDbContext db, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A spreadsheet this long is already unwieldy; beyond it, narrow the search.</summary>
    public const int MaxRows = 50_000;

    public async Task<IActionResult> OnGetAsync(string? q, string? salesperson, bool warranty, bool birthday, CancellationToken cancellationToken)
    {
        var filter = new CustomerFilter(q, salesperson, warranty, birthday, ContactRevealHandler.MayRevealAnyNumber(User));
        var rows = await CustomerSearch.Apply(db, filter, clock.Today)
            .OrderBy(c => c.Number)
            .Take(MaxRows)
            .Select(c => new
            {
                c.Number,
                c.Name,
                c.Kind,
                c.Gender,
                c.Birthday,
                c.Mobile,
                c.Address,
                c.ContactPerson,
                c.Source,
                c.CreatedUtc,
                Salesperson = db.Users.Where(u => u.Id == c.SalespersonId).Select(u => u.DisplayName).FirstOrDefault(),
                Vehicles = db.Vehicles.Count(v => v.CustomerId == c.Id),
            })
            .ToListAsync(cancellationToken);

        if (CustomerSearch.IsPhoneDigits(q))
        {
            db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.PhoneSearch, null, null));
        }

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.ExportList, null, null,
            Describe(filter), rows.Count));
        await db.SaveChangesAsync(cancellationToken);

        using var book = new Spreadsheet();
        book.AddSheet(l["Customers.Title"], [
            l["Field.CustomerNumber"], l["Field.CustomerName"], l["Field.CustomerKind"], l["Field.Gender"], l["Field.Birthday"],
            l["Field.Mobile"], l["Field.Address"], l["Field.ContactPerson"], l["Field.Source"], l["Field.Salesperson"],
            l["Vehicles.Title"], l["Customers.FileOpened"],
        ], rows.Select(r => (IReadOnlyList<object?>)[
            r.Number, r.Name, l.Label(r.Kind), l.Label(r.Gender), r.Birthday, PhoneMask.Mask(r.Mobile), r.Address, r.ContactPerson,
            l.Label(r.Source), r.Salesperson, r.Vehicles, clock.LocalDateOf(r.CreatedUtc),
        ]));
        var fileName = l["Export.FileName", clock.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)];
        return File(book.ToBytes(), Spreadsheet.ContentType, fileName);
    }

    private static string Describe(CustomerFilter filter) =>
        string.Join("; ", new[]
        {
            string.IsNullOrWhiteSpace(filter.Query) ? null : "q=" + PhoneMask.Mask(filter.Query.Trim()),
            string.IsNullOrEmpty(filter.SalespersonId) ? null : "salesperson=" + filter.SalespersonId,
            filter.UnderWarranty ? "warranty" : null,
            filter.BirthdayThisMonth ? "birthday" : null,
        }.Where(s => s is not null)) is { Length: > 0 } described ? described : "all";
}

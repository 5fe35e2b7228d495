using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Infrastructure.Staff;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>
/// The managers' fines ledger for payroll: a month's fines per staff member with totals (summed
/// in SQL), each fine traced to its check; a fine is waived with a reason, never deleted; the
/// month exports to .xlsx.
/// </summary>
[Authorize(Policy = Policies.LoungeManage)]
public sealed class FinesModel(DealerCrmDbContext db, StaffDirectory staff, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A month's fines shown at most (the export has them all).</summary>
    public const int RowsShown = 500;

    public sealed class WaiveInput
    {
        public long FineId { get; set; }

        [Display(Name = "Lounge.WaiveReason")]
        public string? Reason { get; set; }
    }

    public sealed class WaiveValidator : AbstractValidator<WaiveInput>
    {
        public WaiveValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(l["Lounge.WaiveReasonRequired"])
                .Must(r => r!.Trim().Length is > 0 and <= LoungeFine.ReasonMaxLength).WithMessage(l["Lounge.WaiveReasonRequired", LoungeFine.ReasonMaxLength]);
        }
    }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Staff { get; set; }

    [BindProperty]
    public WaiveInput Waive { get; set; } = new();

    public int MonthKey { get; private set; }

    public IReadOnlyList<FineTotal> Totals { get; private set; } = [];

    public IReadOnlyList<FineRow> Rows { get; private set; } = [];

    public int RowCount { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public long WaiveFailedFor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(RowsShown, cancellationToken);

    public async Task<IActionResult> OnPostWaiveAsync([FromServices] IValidator<WaiveInput> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Waive, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Waive)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        var fine = await db.LoungeFines.SingleOrDefaultAsync(f => f.Id == Waive.FineId, cancellationToken);
        if (fine is null)
        {
            return NotFound();
        }

        if (fine.IsWaived)
        {
            ModelState.AddModelError($"{nameof(Waive)}.{nameof(WaiveInput.Reason)}", l["Lounge.AlreadyWaived"]);
        }

        if (!ModelState.IsValid)
        {
            WaiveFailedFor = fine.Id;
            Month ??= FineLedger.MonthText(fine.Month);
            await LoadAsync(RowsShown, cancellationToken);
            return Page();
        }

        fine.Waive(User.UserId()!, Waive.Reason!, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another manager waived it a moment ago; theirs stands.
            TempData["Flash"] = l["Lounge.AlreadyWaived"].Value;
            return RedirectToPage(new { Month = FineLedger.MonthText(fine.Month), Staff });
        }

        TempData["Flash"] = l["Lounge.Waived", fine.Amount.ToString()].Value;
        return RedirectToPage(new { Month = FineLedger.MonthText(fine.Month), Staff });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(int.MaxValue, cancellationToken);
        using var book = new Spreadsheet();
        book.AddSheet(l["Lounge.Export.Totals"], [l["Lounge.Staff"], l["Lounge.Month"], l["Lounge.FineCount"], l["Lounge.AmountDue"], l["Lounge.AmountWaived"]],
            Totals.Select(t => (IReadOnlyList<object?>)[NameOf(t.StaffUserId), FineLedger.MonthText(t.Month), t.Count, t.DueFen / 100m, t.WaivedFen / 100m]));
        book.AddSheet(l["Lounge.Export.Fines"], [l["Lounge.FineNo"], l["Lounge.Day"], l["Lounge.Time"], l["Lounge.Staff"], l["Lounge.Item"], l["Lounge.What"], l["Lounge.Amount"], l["Lounge.State"], l["Lounge.WaiveReason"], l["Lounge.RecordedBy"]],
            Rows.Select(r => (IReadOnlyList<object?>)[(int)r.Id, r.Day, clock.ToLocal(r.AtUtc), NameOf(r.StaffUserId), $"{r.ItemPosition}. {r.ItemText}", What(r), r.AmountFen / 100m,
                r.Waived ? l["Lounge.WaivedState"].Value : l["Lounge.DueState"].Value, r.WaiveReason, r.RecordedByUserId is { } by ? NameOf(by) : l["Lounge.ByJob"].Value]));
        return File(book.ToBytes(), Spreadsheet.ContentType, l["Lounge.Export.FileName", FineLedger.MonthText(MonthKey)]);
    }

    public string NameOf(string userId) => Names.GetValueOrDefault(userId, userId);

    /// <summary>What the fine is for, in words: the kind of record, its note, the butts counted.</summary>
    public string What(FineRow row)
    {
        var parts = new List<string> { l[$"Enum.LoungeCheckKind.{row.Kind}"] };
        if (row.ButtCount is { } butts)
        {
            parts.Add(l["Lounge.Butts", butts]);
        }

        if (row.Note is { } note)
        {
            parts.Add(note);
        }

        return string.Join(" · ", parts);
    }

    private async Task LoadAsync(int limit, CancellationToken cancellationToken)
    {
        if (!FineLedger.TryParseMonth(Month, out var month))
        {
            if (!string.IsNullOrEmpty(Month))
            {
                ModelState.AddModelError(nameof(Month), l["Lounge.MonthInvalid"]);
            }

            month = LoungeFine.MonthOf(clock.Today);
            Month = FineLedger.MonthText(month);
        }

        MonthKey = month;
        var fines = db.LoungeFines.AsNoTracking().Where(f => f.Month == month);
        Totals = (await FineLedger.TotalsAsync(fines, cancellationToken)).OrderByDescending(t => t.DueFen).ThenBy(t => t.StaffUserId, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(Staff))
        {
            fines = fines.Where(f => f.StaffUserId == Staff);
        }

        var rows = FineLedger.Rows(db, fines);
        RowCount = await fines.CountAsync(cancellationToken);
        Rows = await rows.Take(limit).ToListAsync(cancellationToken);
        Names = await staff.NamesByIdAsync(cancellationToken);
    }
}

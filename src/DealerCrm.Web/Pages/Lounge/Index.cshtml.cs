using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>
/// Today's lounge sheet, for the attendant's tablet: each item checked as fine or violated
/// (note, photo, the person responsible), the counted items' cleanings logged as they happen
/// against their minimum, and the sheet declared complete. A supervisor inspects on the same
/// page. A past day is shown read-only. The page's script sends each form with fetch (the
/// antiforgery token is in the form) and queues it in the tablet while the connection is down;
/// each tick carries its own key, so a re-sent one is recorded once.
/// </summary>
[Authorize(Policy = Policies.LoungeRecord)]
public sealed partial class IndexModel(
    DealerCrmDbContext db,
    LoungeBook book,
    LoungePhotos photos,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<LoungePolicy> policy,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record CheckRow(long Id, LoungeCheckKind Kind, DateTime AtUtc, bool IsViolation, string? Responsible, string? RecordedBy, int? ButtCount, string? Note, bool HasPhoto);

    public sealed record ItemRow(LoungeItem Item, IReadOnlyList<CheckRow> Records, CountTally? Tally)
    {
        public CheckRow? LastCheck => Records.LastOrDefault(r => r.Kind != LoungeCheckKind.Cleaning);

        public int Cleanings => Records.Count(r => r.Kind == LoungeCheckKind.Cleaning);
    }

    public sealed class CheckInput
    {
        public string? Key { get; set; }

        public int ItemId { get; set; }

        /// <summary>"ok" or "violation".</summary>
        [Display(Name = "Lounge.Outcome")]
        public string? Outcome { get; set; }

        [Display(Name = "Lounge.Responsible")]
        public string? ResponsibleUserId { get; set; }

        [Display(Name = "Lounge.ButtCount")]
        public int? ButtCount { get; set; }

        [Display(Name = "Lounge.Note")]
        public string? Note { get; set; }

        [Display(Name = "Lounge.Photo")]
        public IFormFile? Photo { get; set; }

        /// <summary>A cleaning of a counted item rather than a check.</summary>
        public bool Cleaning { get; set; }
    }

    public sealed partial class CheckValidator : AbstractValidator<CheckInput>
    {
        public CheckValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Key).Must(k => string.IsNullOrEmpty(k) || KeyPattern().IsMatch(k)).WithMessage(l["Lounge.BadKey"]);
            RuleFor(x => x.Outcome).Must(o => o is "ok" or "violation").When(x => !x.Cleaning).WithMessage(l["Lounge.OutcomeRequired"]);
            RuleFor(x => x.ButtCount).InclusiveBetween(0, 999).WithMessage(l["Lounge.ButtCountRange", 0, 999]);
            RuleFor(x => x.Note).MaximumLength(LoungeCheck.NoteMaxLength).WithMessage(l["Lounge.NoteTooLong", LoungeCheck.NoteMaxLength]);
        }

        [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
        private static partial Regex KeyPattern();
    }

    [BindProperty]
    public CheckInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public DateOnly ShownDay { get; private set; }

    public bool IsToday { get; private set; }

    public LoungeSheet? Sheet { get; private set; }

    public bool MayRecord => IsToday && Sheet is not { IsClosed: true };

    public string? AttendantName { get; private set; }

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public IReadOnlyList<StaffMember> Attendants { get; private set; } = [];

    public IReadOnlyList<StaffMember> AllStaff { get; private set; } = [];

    /// <summary>Who a violation is charged to unless someone else is picked: the day's attendant, or the attendant recording.</summary>
    public string? DefaultResponsible { get; private set; }

    public int MaxButts => policy.Value.MaxCigaretteButts;

    public int PhotoMaxKilobytes => photos.MaxKilobytes;

    public decimal FineYuan => policy.Value.FinePerViolationYuan;

    public IReadOnlyList<int> MissingPositions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Day is { } day && (day > clock.Today || day < clock.Today.AddYears(-5)))
        {
            return NotFound();
        }

        await LoadAsync(Day ?? clock.Today, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync([FromServices] IValidator<CheckInput> validator, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var result = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        var key = string.IsNullOrEmpty(Input.Key) ? Guid.NewGuid().ToString("N") : Input.Key;
        if (ModelState.IsValid && await db.LoungeChecks.AnyAsync(c => c.Key == key, cancellationToken))
        {
            // Sent again after a dropped answer: it is on file already.
            return Saved(l["Lounge.AlreadySaved"]);
        }

        var item = await db.LoungeItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Input.ItemId, cancellationToken);
        if (item is null || !LoungeRules.InUseOn(item, today, clock))
        {
            ModelState.AddModelError(string.Empty, l["Lounge.ItemUnknown"]);
        }
        else
        {
            CheckAgainstItem(item);
        }

        var sheet = await book.SheetOfAsync(today, cancellationToken);
        if (sheet.IsClosed)
        {
            ModelState.AddModelError(string.Empty, l["Lounge.SheetClosed"]);
        }

        var userId = User.UserId()!;
        var isAttendant = User.IsInRole(Roles.LoungeAttendant);
        var violated = Input.Outcome == "violation" || (Input.ButtCount is { } butts && butts > MaxButts);
        var responsible = Input.ResponsibleUserId is { Length: > 0 } picked ? picked : sheet.AttendantUserId ?? (isAttendant ? userId : null);
        if (ModelState.IsValid && violated)
        {
            if (responsible is null)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(CheckInput.ResponsibleUserId)}", l["Lounge.ResponsibleRequired"]);
            }
            else if (!await staff.HoldsAnyRoleAsync(responsible, Roles.All, cancellationToken))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(CheckInput.ResponsibleUserId)}", l["Lounge.ResponsibleUnknown"]);
            }
        }

        (PhotoProblem Problem, string? ContentType, string? Extension) photo = (PhotoProblem.None, null, null);
        if (ModelState.IsValid && Input.Photo is { Length: > 0 } upload)
        {
            photo = await photos.InspectAsync(upload, cancellationToken);
            if (photo.Problem != PhotoProblem.None)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(CheckInput.Photo)}", photo.Problem == PhotoProblem.TooLarge
                    ? l["Lounge.PhotoTooLarge", photos.MaxKilobytes / 1024m]
                    : l["Lounge.PhotoNotImage"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(cancellationToken);
        }

        if (isAttendant)
        {
            sheet.TakeBy(userId);
        }

        var now = clock.UtcNow;
        var check = Input.Cleaning
            ? LoungeCheck.Cleaned(sheet, item!, key, now, userId, responsible, Input.Note, Input.ButtCount, MaxButts)
            : LoungeCheck.Checked(sheet, item!, key, now, userId, Input.Outcome == "violation", responsible, Input.Note, Input.ButtCount, MaxButts);
        if (Input.Photo is { Length: > 0 } file && photo.Extension is { } extension)
        {
            check.AttachPhoto(await photos.SaveAsync(file, extension, cancellationToken), photo.ContentType!);
        }

        db.LoungeChecks.Add(check);
        var fine = await book.FineAsync(check, sheet, item!, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!_retried)
        {
            // The same tick arrived twice at once, or the day's sheet was opened by the job a moment
            // ago: the first one stands; a tick that still has no record is tried once more.
            _retried = true;
            db.ChangeTracker.Clear();
            if (await db.LoungeChecks.AnyAsync(c => c.Key == key, cancellationToken))
            {
                return Saved(l["Lounge.AlreadySaved"]);
            }

            return await OnPostCheckAsync(validator, cancellationToken);
        }

        var message = check.Kind == LoungeCheckKind.Cleaning
            ? l["Lounge.CleaningSaved", item!.Position]
            : l["Lounge.CheckSaved", item!.Position];
        if (fine is not null)
        {
            message = l["Lounge.FineSaved", item.Position, fine.Amount.ToString()];
        }

        return Saved(message);
    }

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var sheet = await book.SheetOfAsync(today, cancellationToken);
        if (sheet.IsClosed)
        {
            ModelState.AddModelError(string.Empty, l["Lounge.SheetClosed"]);
            return await RefusedAsync(cancellationToken);
        }

        await LoadAsync(today, cancellationToken);
        if (MissingPositions.Count > 0)
        {
            ModelState.AddModelError(string.Empty, l["Lounge.CompleteMissing", string.Join("、", MissingPositions)]);
            return await RefusedAsync(cancellationToken);
        }

        var userId = User.UserId()!;
        if (User.IsInRole(Roles.LoungeAttendant))
        {
            sheet.TakeBy(userId);
        }

        sheet.Complete(userId, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened or completed at the same moment elsewhere: show the day as it now stands.
            db.ChangeTracker.Clear();
        }

        return Saved(l["Lounge.Completed"]);
    }

    /// <summary>A check's photo, to those who may open the sheet.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, CancellationToken cancellationToken)
    {
        var check = await db.LoungeChecks.AsNoTracking().Where(c => c.Id == id && c.PhotoFile != null)
            .Select(c => new { c.PhotoFile, c.PhotoContentType }).SingleOrDefaultAsync(cancellationToken);
        if (check is null || photos.PathOf(check.PhotoFile!) is not { } path)
        {
            return NotFound();
        }

        return PhysicalFile(path, check.PhotoContentType ?? "application/octet-stream");
    }

    private bool _retried;

    private void CheckAgainstItem(LoungeItem item)
    {
        if (Input.Cleaning && !item.IsCounted)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CheckInput.ItemId)}", l["Lounge.NotCounted"]);
        }

        if (item.RecordsButts && Input.ButtCount is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CheckInput.ButtCount)}", l["Lounge.ButtCountRequired"]);
        }

        if (!item.RecordsButts)
        {
            Input.ButtCount = null;
        }
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private IActionResult Saved(string message)
    {
        if (WantsJson)
        {
            return new JsonResult(new { ok = true, message });
        }

        TempData["Flash"] = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        if (WantsJson)
        {
            var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
            return new JsonResult(new { ok = false, errors }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        db.ChangeTracker.Clear();
        await LoadAsync(clock.Today, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        ShownDay = day;
        IsToday = day == clock.Today;
        Sheet = await db.LoungeSheets.AsNoTracking().SingleOrDefaultAsync(s => s.Day == day, cancellationToken);
        var names = await staff.NamesByIdAsync(cancellationToken);
        AttendantName = Sheet?.AttendantUserId is { } attendant ? names.GetValueOrDefault(attendant) : null;

        var items = (await db.LoungeItems.AsNoTracking().OrderBy(i => i.Position).ToListAsync(cancellationToken))
            .Where(i => LoungeRules.InUseOn(i, day, clock)).ToList();
        var records = Sheet is null
            ? []
            : await db.LoungeChecks.AsNoTracking().Where(c => c.SheetId == Sheet.Id).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new { c.ItemId, Row = new CheckRow(c.Id, c.Kind, c.AtUtc, c.IsViolation, c.ResponsibleUserId, c.RecordedByUserId, c.ButtCount, c.Note, c.PhotoFile != null) })
                .ToListAsync(cancellationToken);
        var byItem = records.ToLookup(r => r.ItemId, r => r.Row with
        {
            Responsible = r.Row.Responsible is { } who ? names.GetValueOrDefault(who, who) : null,
            RecordedBy = r.Row.RecordedBy is { } by ? names.GetValueOrDefault(by, by) : null,
        });
        var tallies = LoungeRules.Tally(items, items.ToDictionary(i => i.Id, i => byItem[i.Id].Count(r => r.Kind == LoungeCheckKind.Cleaning)), policy.Value)
            .ToDictionary(t => t.ItemId);
        Items = items.Select(i => new ItemRow(i, byItem[i.Id].ToList(), tallies.GetValueOrDefault(i.Id))).ToList();
        var missing = LoungeRules.MissingChecks(items, records.Where(r => r.Row.Kind == LoungeCheckKind.Check).Select(r => r.ItemId));
        MissingPositions = items.Where(i => missing.Contains(i.Id)).Select(i => i.Position).ToList();

        Attendants = await staff.InRolesAsync([Roles.LoungeAttendant], cancellationToken);
        AllStaff = await staff.InRolesAsync(Roles.All, cancellationToken);
        DefaultResponsible = Sheet?.AttendantUserId ?? (User.IsInRole(Roles.LoungeAttendant) ? User.UserId() : null);
    }
}

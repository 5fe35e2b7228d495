using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Infrastructure.Staff;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.Calendar;

/// <summary>
/// The working calendar deadlines are counted on: a year's holidays (放假) and make-up working
/// days (调休上班), which the administrator adds, renames and removes as the State Council
/// publishes its schedule. Every change is written to the calendar's history in the same save,
/// and the calendar in memory is refreshed at once.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(
    DealerCrmDbContext db,
    WorkingCalendarProvider calendars,
    StaffDirectory staff,
    DealershipClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>At most this many history lines are shown for a year (a year sees a few dozen).</summary>
    public const int HistoryLimit = 200;

    public sealed record DayRow(DateOnly Date, CalendarDayKind Kind, string Name);

    public sealed record ChangeRow(DateTime AtUtc, string Who, CalendarChangeAction Action, DateOnly Date, CalendarDayKind Kind, string Name, string? OldName);

    public sealed class AddInput
    {
        [Display(Name = "Calendar.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Calendar.Kind")]
        public CalendarDayKind? Kind { get; set; }

        [Display(Name = "Calendar.Name")]
        public string? Name { get; set; }
    }

    public sealed class RenameInput
    {
        public DateOnly? Date { get; set; }

        [Display(Name = "Calendar.Name")]
        public string? Name { get; set; }
    }

    public sealed class RemoveInput
    {
        public DateOnly? Date { get; set; }
    }

    /// <summary>A day to add: a known kind, a name, a date in range, and a make-up working day only on a weekend.</summary>
    public sealed class AddValidator : AbstractValidator<AddInput>
    {
        public AddValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Date).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(l["Calendar.DateRequired"])
                .Must(d => d >= CalendarDay.MinDate && d <= CalendarDay.MaxDate)
                .WithMessage(l["Calendar.DateOutOfRange", Iso(CalendarDay.MinDate), Iso(CalendarDay.MaxDate)])
                .Must((input, date) => input.Kind is not { } kind || !Enum.IsDefined(kind)
                                       || CalendarDay.Check(date!.Value, kind, "-") != CalendarDayProblem.MakeUpOnWeekday)
                .WithMessage(x => l["Calendar.MakeUpOnWeekday", Iso(x.Date!.Value), DayName(x.Date!.Value)]);
            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(l["Calendar.KindRequired"])
                .IsInEnum().WithMessage(l["Calendar.KindRequired"]);
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(l["Calendar.NameRequired"])
                .Must(n => n!.Trim().Length <= CalendarDay.NameMaxLength).WithMessage(l["Calendar.NameTooLong", CalendarDay.NameMaxLength]);
        }
    }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    [BindProperty]
    public RemoveInput Remove { get; set; } = new();

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<DayRow> Days { get; private set; } = [];

    public IReadOnlyList<ChangeRow> History { get; private set; } = [];

    /// <summary>The working days of the year on the calendar in force (what deadlines are counted on).</summary>
    public int WorkingDaysInYear { get; private set; }

    /// <summary>The row whose rename was refused: it shows what was typed and why.</summary>
    public DateOnly? RenameFailedFor { get; private set; }

    public string? RenameError { get; private set; }

    /// <summary>What was typed in the refused rename, exactly (blank included).</summary>
    public string? RenameTyped { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (year is { } y && (y < CalendarDay.MinDate.Year || y > CalendarDay.MaxDate.Year))
        {
            ModelState.AddModelError(string.Empty, l["Calendar.YearOutOfRange", y, CalendarDay.MinDate.Year, CalendarDay.MaxDate.Year]);
            year = null;
        }

        await LoadAsync(year ?? clock.Today.Year, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync([FromServices] IValidator<AddInput> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Add, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Add)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        var date = Add.Date;
        if (ModelState.IsValid && await db.CalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.Date == date, cancellationToken) is { } listed)
        {
            ModelState.AddModelError($"{nameof(Add)}.{nameof(AddInput.Date)}", AlreadyListed(listed));
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(date, cancellationToken);
        }

        var day = new CalendarDay(date!.Value, Add.Kind!.Value, Add.Name!);
        db.CalendarDays.Add(day);
        db.CalendarDayChanges.Add(CalendarDayChange.Added(day, UserName, clock.UtcNow));
        if (!await SaveAsync(cancellationToken))
        {
            // Someone added the same date a moment ago.
            ModelState.AddModelError($"{nameof(Add)}.{nameof(AddInput.Date)}", l["Calendar.AddedMeanwhile", Iso(day.Date)]);
            return await RedisplayAsync(date, cancellationToken);
        }

        TempData["Flash"] = l["Calendar.Added", Iso(day.Date), day.Name, l[$"Enum.CalendarDayKind.{day.Kind}"]].Value;
        return RedirectToPage(new { year = day.Date.Year });
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var day = Rename.Date is { } date ? await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken) : null;
        if (day is null)
        {
            ModelState.AddModelError(string.Empty, NotListed(Rename.Date));
            return await RedisplayAsync(Rename.Date, cancellationToken);
        }

        var name = Rename.Name?.Trim() ?? "";
        var problem = name.Length == 0 ? l["Calendar.NameRequired"].Value
            : name.Length > CalendarDay.NameMaxLength ? l["Calendar.NameTooLong", CalendarDay.NameMaxLength].Value
            : null;
        if (problem is not null)
        {
            RenameFailedFor = day.Date;
            RenameError = problem;
            RenameTyped = ModelState[$"{nameof(Rename)}.{nameof(RenameInput.Name)}"]?.AttemptedValue ?? Rename.Name;
            ModelState.AddModelError($"{nameof(Rename)}.{nameof(RenameInput.Name)}", problem);
            return await RedisplayAsync(day.Date, cancellationToken);
        }

        var oldName = day.Name;
        day.Rename(name);
        if (db.HasNothingToSave())
        {
            // No history line for a rename to the same name.
            this.FlashNothingChanged(l);
            return RedirectToPage(new { year = day.Date.Year });
        }

        db.CalendarDayChanges.Add(CalendarDayChange.Renamed(day, oldName, UserName, clock.UtcNow));
        if (!await SaveAsync(cancellationToken))
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return await RedisplayAsync(day.Date, cancellationToken);
        }

        TempData["Flash"] = l["Calendar.Renamed", Iso(day.Date), oldName, name].Value;
        return RedirectToPage(new { year = day.Date.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var day = Remove.Date is { } date ? await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken) : null;
        if (day is null)
        {
            ModelState.AddModelError(string.Empty, NotListed(Remove.Date));
            return await RedisplayAsync(Remove.Date, cancellationToken);
        }

        db.CalendarDays.Remove(day);
        db.CalendarDayChanges.Add(CalendarDayChange.Removed(day, UserName, clock.UtcNow));
        if (!await SaveAsync(cancellationToken))
        {
            ModelState.AddModelError(string.Empty, NotListed(day.Date));
            return await RedisplayAsync(day.Date, cancellationToken);
        }

        TempData["Flash"] = l["Calendar.RemovedFlash", Iso(day.Date), day.Name, l[$"Enum.CalendarDayKind.{day.Kind}"]].Value;
        return RedirectToPage(new { year = day.Date.Year });
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day of the week in the reader's language (星期六 / Saturday).</summary>
    public static string DayName(DateOnly date) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(date.DayOfWeek);

    private string UserName => User.Identity!.Name!;

    private string AlreadyListed(CalendarDay listed) =>
        l["Calendar.AlreadyListed", Iso(listed.Date), listed.Name, l[$"Enum.CalendarDayKind.{listed.Kind}"]];

    private string NotListed(DateOnly? date) => l["Calendar.NotListed", date is { } d ? Iso(d) : "—"];

    /// <summary>Saves the change and its history line together; false when the row changed underneath (added or removed meanwhile).</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            // Even a failed save may follow someone else's change: read the calendar afresh.
            calendars.Invalidate();
        }

        return true;
    }

    /// <summary>The page again, at the year of the date the user typed (when it is a plausible one), with the form as typed.</summary>
    private async Task<IActionResult> RedisplayAsync(DateOnly? typed, CancellationToken cancellationToken)
    {
        var year = typed is { } d && d >= CalendarDay.MinDate && d <= CalendarDay.MaxDate ? d.Year : clock.Today.Year;
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        Days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new DayRow(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);

        var changes = await db.CalendarDayChanges.AsNoTracking()
            .Where(c => c.Date >= first && c.Date <= last)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Take(HistoryLimit)
            .ToListAsync(cancellationToken);
        var names = changes.Count == 0 ? new Dictionary<string, string>() : await staff.DisplayNamesAsync(cancellationToken);
        History = changes
            .Select(c => new ChangeRow(c.AtUtc, names.TryGetValue(c.UserName, out var name) ? l["Calendar.Who", name, c.UserName] : c.UserName, c.Action, c.Date, c.Kind, c.Name, c.OldName))
            .ToList();

        var calendar = await calendars.GetAsync(cancellationToken);
        WorkingDaysInYear = calendar.WorkingDaysBetween(first.AddDays(-1), last);

        // The years with listed days, and the ones either side of this year and the shown one.
        var listedYears = await db.CalendarDays.Select(d => d.Date.Year).Distinct().ToListAsync(cancellationToken);
        Years = listedYears
            .Concat([clock.Today.Year - 1, clock.Today.Year, clock.Today.Year + 1, year])
            .Where(y => y >= CalendarDay.MinDate.Year && y <= CalendarDay.MaxDate.Year)
            .Distinct().Order().ToList();
    }
}

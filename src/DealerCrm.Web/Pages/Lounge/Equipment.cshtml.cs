using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>Faults of the lounge's equipment and furniture, and where each repair stands.</summary>
[Authorize(Policy = Policies.LoungeRecord)]
public sealed class EquipmentModel(DealerCrmDbContext db, StaffDirectory staff, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RowsShown = 200;

    public sealed class AddInput
    {
        [Display(Name = "Lounge.Fault.Equipment")]
        public LoungeEquipment? Equipment { get; set; }

        [Display(Name = "Lounge.Fault.Description")]
        public string? Description { get; set; }
    }

    public sealed class MoveInput
    {
        public long Id { get; set; }

        public FaultStatus? Status { get; set; }

        [Display(Name = "Lounge.Fault.RepairNote")]
        public string? Note { get; set; }
    }

    public sealed class AddValidator : AbstractValidator<AddInput>
    {
        public AddValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Equipment).Cascade(CascadeMode.Stop).NotNull().WithMessage(l["Lounge.Required"]).IsInEnum().WithMessage(l["Lounge.Required"]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(l["Lounge.Required"]).MaximumLength(EquipmentFault.TextMaxLength).WithMessage(l["Lounge.TooLong", EquipmentFault.TextMaxLength]);
        }
    }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public IReadOnlyList<EquipmentFault> Faults { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromServices] IValidator<AddInput> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Add, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Add)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.LoungeEquipmentFaults.Add(new EquipmentFault(Add.Equipment!.Value, Add.Description!, clock.UtcNow, User.UserId()!));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = l["Lounge.Fault.Added", l[$"Enum.LoungeEquipment.{Add.Equipment}"]].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        var fault = await db.LoungeEquipmentFaults.SingleOrDefaultAsync(f => f.Id == Move.Id, cancellationToken);
        if (fault is null)
        {
            return NotFound();
        }

        if (Move.Status is not { } status || !Enum.IsDefined(status) || status <= fault.Status)
        {
            ModelState.AddModelError(string.Empty, l["Lounge.Fault.BadMove"]);
        }
        else if (Move.Note?.Trim().Length > EquipmentFault.TextMaxLength)
        {
            ModelState.AddModelError(string.Empty, l["Lounge.TooLong", EquipmentFault.TextMaxLength]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        fault.MoveTo(Move.Status!.Value, Move.Note, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Flash"] = l["Lounge.Fault.ChangedMeanwhile"].Value;
            return RedirectToPage();
        }

        TempData["Flash"] = l["Lounge.Fault.Moved", l[$"Enum.LoungeEquipment.{fault.Equipment}"], l[$"Enum.FaultStatus.{fault.Status}"]].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Open faults first, oldest first (they have waited longest); then the repaired ones, newest first.
        Faults = await db.LoungeEquipmentFaults.AsNoTracking()
            .OrderBy(f => f.Status == FaultStatus.Repaired).ThenByDescending(f => f.ReportedUtc)
            .Take(RowsShown).ToListAsync(cancellationToken);
        Names = await staff.NamesByIdAsync(cancellationToken);
    }
}

using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>
/// The checklist's items as data: reword, reorder, retire (and bring back) or add an item.
/// Past checks keep pointing at their item, so nothing recorded is lost; a retired item leaves
/// the sheet from the day it is retired.
/// </summary>
[Authorize(Policy = Policies.LoungeItemsEdit)]
public sealed class ItemsModel(DealerCrmDbContext db, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ItemInput
    {
        public int Id { get; set; }

        [Display(Name = "Lounge.Items.Position")]
        public int? Position { get; set; }

        [Display(Name = "Lounge.Items.Category")]
        public LoungeItemCategory? Category { get; set; }

        [Display(Name = "Lounge.Items.Text")]
        public string? Text { get; set; }
    }

    public sealed class ItemValidator : AbstractValidator<ItemInput>
    {
        public ItemValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Position).Cascade(CascadeMode.Stop).NotNull().WithMessage(l["Lounge.Items.PositionRange", 1, 999]).InclusiveBetween(1, 999).WithMessage(l["Lounge.Items.PositionRange", 1, 999]);
            RuleFor(x => x.Text).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(l["Lounge.Required"])
                .Must(t => t!.Trim().Length <= LoungeItem.TextMaxLength).WithMessage(l["Lounge.TooLong", LoungeItem.TextMaxLength]);
            RuleFor(x => x.Category).Cascade(CascadeMode.Stop).NotNull().WithMessage(l["Lounge.Required"]).IsInEnum().WithMessage(l["Lounge.Required"]).When(x => x.Id == 0);
        }
    }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public IReadOnlyList<LoungeItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync([FromServices] IValidator<ItemInput> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        LoungeItem? item = null;
        if (Input.Id != 0 && (item = await db.LoungeItems.SingleOrDefaultAsync(i => i.Id == Input.Id, cancellationToken)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (item is null)
        {
            item = new LoungeItem(Input.Position!.Value, Input.Category!.Value, Input.Text!);
            db.LoungeItems.Add(item);
        }
        else
        {
            item.Reword(Input.Text!);
            item.MoveTo(Input.Position!.Value);
            if (db.HasNothingToSave())
            {
                this.FlashNothingChanged(l);
                return RedirectToPage();
            }
        }

        return await SaveAsync(l["Lounge.Items.Saved", item.Position].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool restore, CancellationToken cancellationToken)
    {
        var item = await db.LoungeItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (restore)
        {
            item.Restore();
        }
        else
        {
            item.Retire(clock.UtcNow);
        }

        return await SaveAsync(l[restore ? "Lounge.Items.Restored" : "Lounge.Items.Retired", item.Position].Value, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = message;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Flash"] = l["Lounge.Items.ChangedMeanwhile"].Value;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Items = await db.LoungeItems.AsNoTracking().OrderBy(i => i.RetiredUtc != null).ThenBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
}

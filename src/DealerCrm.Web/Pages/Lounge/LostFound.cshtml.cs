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

/// <summary>The lost-and-found register (遗留物品): what customers left, reported to whom, and returned to whom, when.</summary>
[Authorize(Policy = Policies.LoungeRecord)]
public sealed class LostFoundModel(DealerCrmDbContext db, StaffDirectory staff, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RowsShown = 200;

    public sealed class AddInput
    {
        [Display(Name = "Lounge.Lost.What")]
        public string? Description { get; set; }

        [Display(Name = "Lounge.Lost.Where")]
        public string? FoundWhere { get; set; }

        [Display(Name = "Lounge.Lost.When")]
        public DateTime? FoundLocal { get; set; }

        [Display(Name = "Lounge.Lost.ReportedTo")]
        public string? ReportedTo { get; set; }
    }

    public sealed class ReturnInput
    {
        public long Id { get; set; }

        [Display(Name = "Lounge.Lost.ReturnedTo")]
        public string? Customer { get; set; }
    }

    public sealed class AddValidator : AbstractValidator<AddInput>
    {
        public AddValidator(IStringLocalizer<SharedResource> l, DealershipClock clock)
        {
            RuleFor(x => x.Description).NotEmpty().WithMessage(l["Lounge.Required"]).MaximumLength(LostItem.TextMaxLength).WithMessage(l["Lounge.TooLong", LostItem.TextMaxLength]);
            RuleFor(x => x.FoundWhere).NotEmpty().WithMessage(l["Lounge.Required"]).MaximumLength(LostItem.TextMaxLength).WithMessage(l["Lounge.TooLong", LostItem.TextMaxLength]);
            RuleFor(x => x.ReportedTo).NotEmpty().WithMessage(l["Lounge.Required"]).MaximumLength(LostItem.TextMaxLength).WithMessage(l["Lounge.TooLong", LostItem.TextMaxLength]);
            RuleFor(x => x.FoundLocal).Cascade(CascadeMode.Stop).NotNull().WithMessage(l["Lounge.Required"])
                .Must(d => d <= clock.LocalNow.AddMinutes(5) && d >= clock.LocalNow.AddYears(-1)).WithMessage(l["Lounge.Lost.WhenRange"]);
        }
    }

    public sealed class ReturnValidator : AbstractValidator<ReturnInput>
    {
        public ReturnValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Customer).NotEmpty().WithMessage(l["Lounge.Required"]).MaximumLength(LostItem.TextMaxLength).WithMessage(l["Lounge.TooLong", LostItem.TextMaxLength]);
        }
    }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public ReturnInput Return { get; set; } = new();

    public IReadOnlyList<LostItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public long ReturnFailedFor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Add.FoundLocal = Minute(clock.LocalNow);
        await LoadAsync(cancellationToken);
    }

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

        db.LoungeLostItems.Add(new LostItem(Add.Description!, Add.FoundWhere!, clock.ToUtc(Add.FoundLocal!.Value), Add.ReportedTo!, User.UserId()!));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = l["Lounge.Lost.Added", Add.Description!.Trim()].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReturnAsync([FromServices] IValidator<ReturnInput> validator, CancellationToken cancellationToken)
    {
        var item = await db.LoungeLostItems.SingleOrDefaultAsync(i => i.Id == Return.Id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var result = await validator.ValidateAsync(Return, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Return)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        if (item.IsReturned)
        {
            ModelState.AddModelError($"{nameof(Return)}.{nameof(ReturnInput.Customer)}", l["Lounge.Lost.AlreadyReturned"]);
        }

        if (!ModelState.IsValid)
        {
            ReturnFailedFor = item.Id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        item.Return(Return.Customer!, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = l["Lounge.Lost.Returned", item.Description, item.ReturnedTo!].Value;
        return RedirectToPage();
    }

    private static DateTime Minute(DateTime local) => new(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Items still waiting for their owner first, then the newest.
        Items = await db.LoungeLostItems.AsNoTracking()
            .OrderBy(i => i.ReturnedUtc != null).ThenByDescending(i => i.FoundUtc)
            .Take(RowsShown).ToListAsync(cancellationToken);
        Names = await staff.NamesByIdAsync(cancellationToken);
    }
}

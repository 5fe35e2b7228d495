using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// The CS director merges two files of one person: the kept file absorbs the other's vehicles,
/// deliveries, service history, family, phones and every feature's records; the other file stays
/// as a pointer to the kept one. Nothing is deleted, and the merge is audited and logged.
/// </summary>
[Authorize(Policy = Policies.PrivacyAdmin)]
public sealed class MergeModel(
    DealerCrmDbContext db,
    IEnumerable<ICustomerMergeStep> steps,
    DealershipClock clock,
    IValidator<MergeModel.InputModel> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Keep { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Other { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Summary? Kept { get; private set; }

    public Summary? Absorbed { get; private set; }

    public sealed record Summary(int Id, string Number, string Name, string MaskedMobile, DateTime CreatedUtc, int Vehicles, int Deliveries, int Visits);

    public sealed class InputModel
    {
        [Display(Name = "Field.MergeReason")]
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Merge.ReasonRequired"]).MaximumLength(200).WithMessage(l["Common.TooLong"]);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Absorbed is null || !await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var kept = await db.Customers.Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery().SingleAsync(c => c.Id == Kept!.Id, cancellationToken);
        var absorbed = await db.Customers.Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery().SingleAsync(c => c.Id == Absorbed.Id, cancellationToken);
        absorbed.MergeInto(kept, clock.UtcNow, User.Identity!.Name!);
        foreach (var step in steps)
        {
            await step.MoveAsync(db, absorbed.Id, kept.Id, cancellationToken);
        }

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity.Name!, PrivacyAction.Merge, kept.Id,
            Input.Reason.Trim(), $"{absorbed.Number} → {kept.Number}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Flash"] = l["Merge.Done", absorbed.Number, kept.Number].Value;
        return RedirectToPage("Details", new { id = kept.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Kept = await SummaryAsync(db.Customers.Where(c => c.Id == Keep), cancellationToken);
        if (Kept is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Other))
        {
            return null;
        }

        var other = Other.Trim().ToUpperInvariant();
        Absorbed = await SummaryAsync(db.Customers.Where(c => c.Number == other), cancellationToken);
        var refusal = Absorbed switch
        {
            null => l["Merge.OtherNotFound", other],
            { Id: var id } when id == Kept.Id => l["Merge.SameFile"],
            _ => null,
        };
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(Other), refusal);
            Absorbed = null;
        }

        return null;
    }

    private async Task<Summary?> SummaryAsync(IQueryable<Customer> customer, CancellationToken cancellationToken)
    {
        var found = await customer
            .Where(c => c.MergedIntoId == null && c.AnonymisedUtc == null)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Name,
                c.Mobile,
                c.CreatedUtc,
                Vehicles = db.Vehicles.Count(v => v.CustomerId == c.Id),
                Deliveries = db.Deliveries.Count(d => d.CustomerId == c.Id),
                Visits = db.ServiceVisits.Count(s => s.CustomerId == c.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null
            : new Summary(found.Id, found.Number, found.Name, PhoneMask.Mask(found.Mobile), found.CreatedUtc, found.Vehicles, found.Deliveries, found.Visits);
    }
}

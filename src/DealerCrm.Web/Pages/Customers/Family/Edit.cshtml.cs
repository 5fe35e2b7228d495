using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.Family;

/// <summary>Add a family member (without memberId) or edit or remove one; their birthdays get greetings too.</summary>
[Authorize(Policy = Policies.CustomersEdit)]
public sealed class EditModel(
    DealerCrmDbContext db,
    DealershipClock clock,
    IValidator<EditModel.InputModel> validator,
    IEnumerable<IFamilyMemberRemovedStep> removedSteps,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public bool IsNew { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Field.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Field.Relation")]
        public FamilyRelation Relation { get; set; } = FamilyRelation.Spouse;

        [Display(Name = "Field.Gender")]
        public Gender Gender { get; set; }

        [Display(Name = "Field.Birthday")]
        public DateOnly? Birthday { get; set; }

        [Display(Name = "Field.Phone")]
        public string? Phone { get; set; }

        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(l["Family.NameRequired"]).MaximumLength(50).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.Relation).IsInEnum();
            RuleFor(x => x.Gender).IsInEnum();
            RuleFor(x => x.Birthday).PlausibleBirthday(() => clock.Today, l);
            RuleFor(x => x.Phone).AnyPhone(l);
        }
    }

    public async Task<IActionResult> OnGetAsync(int customerId, int? memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(customerId, memberId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (found.Member is { } member)
        {
            Input = new InputModel { Name = member.Name, Relation = member.Relation, Gender = member.Gender, Birthday = member.Birthday, Phone = null, Version = member.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int customerId, int? memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(customerId, memberId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var phone = string.IsNullOrWhiteSpace(Input.Phone) ? found.Member?.Phone : PhoneNumber.Normalize(Input.Phone);
        if (found.Member is { } member)
        {
            db.ExpectVersion(member, Input.Version);
            member.Update(Input.Name, Input.Relation, Input.Gender, Input.Birthday, phone);
            if (db.HasNothingToSave())
            {
                this.FlashNothingChanged(l);
                return RedirectToPage("/Customers/Details", new { id = Customer.Id });
            }
        }
        else
        {
            Customer.AddFamilyMember(Input.Name, Input.Relation, Input.Gender, Input.Birthday, phone, clock.UtcNow);
        }

        return await SaveAsync(l["Family.Saved", Input.Name.Trim()], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int customerId, int memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(customerId, memberId, cancellationToken) is not { Member: { } member })
        {
            return NotFound();
        }

        // Kept as removed, not deleted; what was planned for them (a birthday greeting) is cancelled with why.
        Customer.RemoveFamilyMember(member, clock.UtcNow, User.Identity!.Name!);
        foreach (var step in removedSteps)
        {
            await step.OnRemovedAsync(db, member, User.Identity!.Name!, cancellationToken);
        }

        return await SaveAsync(l["Family.Removed", member.Name], cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string flash, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return Page();
        }

        TempData["Flash"] = flash;
        return RedirectToPage("/Customers/Details", new { id = Customer.Id });
    }

    private async Task<(Customer Customer, FamilyMember? Member)?> LoadAsync(int customerId, int? memberId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.Family).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is not { IsMerged: false, IsAnonymised: false })
        {
            return null;
        }

        var member = memberId is { } mid ? customer.CurrentFamily.SingleOrDefault(f => f.Id == mid) : null;
        if (memberId is not null && member is null)
        {
            return null;
        }

        Customer = customer;
        IsNew = member is null;
        return (customer, member);
    }
}

using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// A new customer file. A mobile already on file shows the existing file(s) and asks before
/// going on: most "new" customers at a service desk are old ones.
/// </summary>
[Authorize(Policy = Policies.CustomersEdit)]
public sealed class CreateModel(
    DealerCrmDbContext db,
    CustomerNumberAllocator numbers,
    StaffDirectory staff,
    DealershipClock clock,
    IValidator<CreateModel.InputModel> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Salespeople { get; private set; } = [];

    /// <summary>Files that already hold the mobile typed; shown for the user to decide.</summary>
    public IReadOnlyList<DuplicateFile> Duplicates { get; private set; } = [];

    public sealed record DuplicateFile(int Id, string Number, string Name);

    public sealed class InputModel : CustomerProfileInput
    {
        [Display(Name = "Field.Mobile")]
        public string? Mobile { get; set; }

        [Display(Name = "Field.OtherPhones")]
        public string? OtherPhones { get; set; }

        [Display(Name = "Field.Address")]
        public string? Address { get; set; }

        [Display(Name = "Field.ContactPerson")]
        public string? ContactPerson { get; set; }

        /// <summary>The user saw the files holding this mobile and still wants a new one.</summary>
        public bool ConfirmDuplicate { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock)
        {
            this.AddProfileRules(l, () => clock.Today);
            RuleFor(x => x.Mobile).NotEmpty().WithMessage(l["Customers.MobileRequired"]).ChineseMobile(l);
            RuleFor(x => x.OtherPhones).AnyPhones(l);
            RuleFor(x => x.Address).MaximumLength(200).WithMessage(l["Common.TooLong"]);
            // Two rules: a When on one chain would switch the length limit off for a person too.
            RuleFor(x => x.ContactPerson).MaximumLength(50).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.ContactPerson).NotEmpty().When(x => x.Kind == CustomerKind.Company).WithMessage(l["Customers.ContactPersonRequired"]);
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Salesperson))
        {
            Input.SalespersonId = User.UserId();
        }

        await LoadListsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var mobile = ChineseMobile.Normalize(Input.Mobile!);
        if (!string.IsNullOrEmpty(Input.SalespersonId) && Salespeople.All(s => s.Id != Input.SalespersonId))
        {
            ModelState.AddModelError("Input.SalespersonId", l["Customers.SalespersonUnknown"]);
            return Page();
        }

        Duplicates = await db.Customers
            .Where(c => c.MergedIntoId == null && (c.Mobile == mobile || db.CustomerPhones.Any(p => p.CustomerId == c.Id && p.Number == mobile)))
            .Select(c => new DuplicateFile(c.Id, c.Number, c.Name))
            .ToListAsync(cancellationToken);
        if (Duplicates.Count > 0 && !Input.ConfirmDuplicate)
        {
            ModelState.AddModelError("Input.Mobile", l["Customers.MobileOnFile"]);
            return Page();
        }

        var customer = new Customer(await numbers.NextAsync(clock.Today.Year, cancellationToken), Input.Kind, Input.Name, clock.UtcNow, User.Identity!.Name!);
        customer.UpdateProfile(Input.ToProfile());
        customer.UpdateContact(new ContactDetails(mobile, CustomerRules.SplitPhones(Input.OtherPhones), Input.Address, Input.ContactPerson), clock.UtcNow, User.Identity.Name!);
        customer.AssignSalesperson(string.IsNullOrEmpty(Input.SalespersonId) ? null : Input.SalespersonId);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);

        TempData["Flash"] = l["Customers.Created", customer.Number, customer.Name].Value;
        return RedirectToPage("Details", new { id = customer.Id });
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken) =>
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
}

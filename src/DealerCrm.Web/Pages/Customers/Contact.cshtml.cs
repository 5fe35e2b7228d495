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

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// Change a customer's contact data. Numbers on file stay masked here too: a new mobile replaces
/// the old one, other numbers are added or removed, and every change is kept in the file's
/// contact history (RULES 2: recorded, not overwritten silently).
/// </summary>
[Authorize(Policy = Policies.CustomersEdit)]
public sealed class ContactModel(DealerCrmDbContext db, DealershipClock clock, IValidator<ContactModel.InputModel> validator, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public IReadOnlyList<CreateModel.DuplicateFile> Duplicates { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Field.NewMobile")]
        public string? NewMobile { get; set; }

        public List<int> RemovePhoneIds { get; set; } = [];

        [Display(Name = "Field.AddPhones")]
        public string? AddPhones { get; set; }

        [Display(Name = "Field.Address")]
        public string? Address { get; set; }

        [Display(Name = "Field.ContactPerson")]
        public string? ContactPerson { get; set; }

        public bool ConfirmDuplicate { get; set; }

        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.NewMobile).ChineseMobile(l);
            RuleFor(x => x.AddPhones).AnyPhones(l);
            RuleFor(x => x.Address).MaximumLength(200).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.ContactPerson).MaximumLength(50).WithMessage(l["Common.TooLong"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken, withContact: true) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        Input = new InputModel { Address = customer.Address, ContactPerson = customer.ContactPerson, Version = customer.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken, withContact: true) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (customer.Kind == CustomerKind.Company && string.IsNullOrWhiteSpace(Input.ContactPerson))
        {
            ModelState.AddModelError("Input.ContactPerson", l["Customers.ContactPersonRequired"]);
            return Page();
        }

        var mobile = string.IsNullOrWhiteSpace(Input.NewMobile) ? customer.Mobile : ChineseMobile.Normalize(Input.NewMobile);
        if (mobile != customer.Mobile && mobile is not null)
        {
            Duplicates = await db.Customers
                .Where(c => c.Id != id && c.MergedIntoId == null && (c.Mobile == mobile || db.CustomerPhones.Any(p => p.CustomerId == c.Id && p.Number == mobile)))
                .Select(c => new CreateModel.DuplicateFile(c.Id, c.Number, c.Name))
                .ToListAsync(cancellationToken);
            if (Duplicates.Count > 0 && !Input.ConfirmDuplicate)
            {
                ModelState.AddModelError("Input.NewMobile", l["Customers.MobileOnFile"]);
                return Page();
            }
        }

        var otherPhones = customer.OtherPhones.Where(p => !Input.RemovePhoneIds.Contains(p.Id)).Select(p => p.Number)
            .Concat(CustomerRules.SplitPhones(Input.AddPhones))
            .Where(n => n != mobile)
            .ToList();
        db.ExpectVersion(customer, Input.Version);
        customer.UpdateContact(new ContactDetails(mobile, otherPhones, Input.Address, Input.ContactPerson), clock.UtcNow, User.Identity!.Name!);
        if (db.HasNothingToSave())
        {
            this.FlashNothingChanged(l);
            return RedirectToPage("Details", new { id });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return Page();
        }

        TempData["Flash"] = l["Customers.ContactSaved"].Value;
        return RedirectToPage("Details", new { id });
    }
}

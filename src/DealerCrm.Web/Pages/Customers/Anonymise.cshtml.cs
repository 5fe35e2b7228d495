using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
/// A customer asks to be forgotten: the CS director anonymises the file. Personal fields are
/// replaced (name, phones, birthday, address, family, plates), the history stays (deliveries,
/// visits, follow-ups, numbers), the personal values are scrubbed from the audit trail and the
/// contact history too, and the act itself is logged.
/// </summary>
[Authorize(Policy = Policies.PrivacyAdmin)]
public sealed class AnonymiseModel(DealerCrmDbContext db, IEnumerable<ICustomerAnonymiseStep> steps, DealershipClock clock, IValidator<AnonymiseModel.InputModel> validator, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Field.AnonymiseReason")]
        public string Reason { get; set; } = "";

        [Display(Name = "Field.ConfirmNumber")]
        public string ConfirmNumber { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Anonymise.ReasonRequired"]).MaximumLength(200);
            RuleFor(x => x.ConfirmNumber).NotEmpty().WithMessage(l["Anonymise.ConfirmRequired"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is not { IsMerged: false, IsAnonymised: false })
        {
            return NotFound();
        }

        Customer = customer;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (!string.Equals(Input.ConfirmNumber.Trim(), customer.Number, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.ConfirmNumber", l["Anonymise.NumberMismatch"]);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var phoneIds = customer.OtherPhones.Select(p => Key(p.Id)).ToList();
        var familyIds = customer.Family.Select(f => Key(f.Id)).ToList();
        var vehicles = await db.Vehicles.Where(v => v.CustomerId == id).ToListAsync(cancellationToken);
        customer.Anonymise(l["Anonymise.Placeholder"], clock.UtcNow);
        foreach (var vehicle in vehicles)
        {
            vehicle.ForgetPlate();
        }

        foreach (var step in steps)
        {
            await step.OnAnonymisedAsync(db, id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The trail (including the lines this very change just wrote) must not keep what was forgotten.
        var customerKey = Key(id);
        var vehicleIds = vehicles.Select(v => Key(v.Id)).ToList();
        var personal = await db.AuditEntries
            .Where(a => (a.EntityType == nameof(Domain.Customers.Customer) && a.EntityId == customerKey)
                        || (a.EntityType == nameof(CustomerPhone) && phoneIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(FamilyMember) && familyIds.Contains(a.EntityId)))
            .ToListAsync(cancellationToken);
        // A phone's "Number" is the phone itself, not the customer number the file keeps.
        personal.ForEach(a => a.Redact(field => a.EntityType == nameof(CustomerPhone)
            ? field != nameof(CustomerPhone.CustomerId)
            : field is not ("Kind" or "PurchasePurpose" or "Source" or "SalespersonId" or "CreatedUtc" or "CreatedBy" or "Number" or "MergedIntoId" or "AnonymisedUtc" or "Relation" or "CustomerId")));
        var plates = await db.AuditEntries.Where(a => a.EntityType == nameof(Vehicle) && vehicleIds.Contains(a.EntityId)).ToListAsync(cancellationToken);
        plates.ForEach(a => a.Redact(field => field == nameof(Vehicle.Plate)));

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.Anonymise, id, Input.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Flash"] = l["Anonymise.Done", customer.Number].Value;
        return RedirectToPage("Details", new { id });
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

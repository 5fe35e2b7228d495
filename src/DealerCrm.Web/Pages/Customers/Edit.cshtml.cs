using DealerCrm.Domain.Common;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>Edit a customer's profile. Contact data has its own page, where every change is kept.</summary>
[Authorize(Policy = Policies.CustomersEdit)]
public sealed class EditModel(
    DealerCrmDbContext db,
    StaffDirectory staff,
    IValidator<EditModel.InputModel> validator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Number { get; private set; } = "";

    public IReadOnlyList<StaffMember> Salespeople { get; private set; } = [];

    public sealed class InputModel : CustomerProfileInput
    {
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, DealershipClock clock) => this.AddProfileRules(l, () => clock.Today);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Number = customer.Number;
        Input.CopyFrom(customer);
        Input.Version = customer.Version;
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Number = customer.Number;
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (!string.IsNullOrEmpty(Input.SalespersonId) && Salespeople.All(s => s.Id != Input.SalespersonId))
        {
            ModelState.AddModelError("Input.SalespersonId", l["Customers.SalespersonUnknown"]);
            return Page();
        }

        db.ExpectVersion(customer, Input.Version);
        customer.UpdateProfile(Input.ToProfile());
        customer.AssignSalesperson(string.IsNullOrEmpty(Input.SalespersonId) ? null : Input.SalespersonId);
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

        TempData["Flash"] = l["Customers.Saved", customer.Name].Value;
        return RedirectToPage("Details", new { id });
    }
}

using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.Users;

/// <summary>
/// Edit a user's name, contact and roles; disable or re-enable (never delete: their name stays
/// on the history they made); lift a lockout. An administrator cannot lock themselves out.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(
    UserManager<AppUser> users,
    IValidator<EditModel.InputModel> validator,
    TimeProvider time,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;

    public bool IsLockedOut { get; private set; }

    public bool IsSelf => Account.Id == User.UserId();

    public sealed class InputModel : UserFields
    {
        public string ConcurrencyStamp { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) => this.AddUserFieldRules(l);
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email,
            PhoneNumber = Account.PhoneNumber,
            Roles = [.. await users.GetRolesAsync(Account)],
            ManagedDepartment = Account.ManagedDepartment,
            ConcurrencyStamp = Account.ConcurrencyStamp ?? "",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        if (IsSelf && !Input.Roles.Contains(Roles.Admin))
        {
            ModelState.AddModelError("Input.Roles", l["Users.CannotDropOwnAdmin"]);
            return Page();
        }

        if (Account.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return Page();
        }

        var displayName = Input.DisplayName.Trim();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var phone = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        var current = await users.GetRolesAsync(Account);
        var wanted = Input.Roles.Distinct().ToList();
        // Compared by hand, not through the change tracker: Identity's store re-attaches the user,
        // which would accept changes already detected and leave the audit trail without the old values.
        if (displayName == Account.DisplayName && email == Account.Email && phone == Account.PhoneNumber
            && Input.ManagedDepartment == Account.ManagedDepartment && current.ToHashSet().SetEquals(wanted))
        {
            this.FlashNothingChanged(l);
            return RedirectToPage("Index");
        }

        Account.DisplayName = displayName;
        Account.Email = email;
        Account.PhoneNumber = phone;
        Account.ManagedDepartment = Input.ManagedDepartment;
        var updated = await users.UpdateAsync(Account);
        if (!updated.Succeeded)
        {
            updated.AddErrorsTo(ModelState, code => IdentityResultExtensions.FieldFor(code, string.Empty));

            return Page();
        }

        await users.RemoveFromRolesAsync(Account, current.Except(wanted));
        await users.AddToRolesAsync(Account, wanted.Except(current));
        // Role changes take effect at the user's next request, not at their next sign-in.
        await users.UpdateSecurityStampAsync(Account);

        TempData["Flash"] = l["Users.Saved", Account.DisplayName].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, disabled: true);

    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, disabled: false);

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        TempData["Flash"] = l["Users.Unlocked", Account.DisplayName].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf && disabled)
        {
            TempData["Flash"] = l["Users.CannotDisableSelf"].Value;
            return RedirectToPage(new { id });
        }

        Account.IsDisabled = disabled;
        await users.UpdateAsync(Account);
        // A new security stamp ends the disabled user's open sessions.
        await users.UpdateSecurityStampAsync(Account);
        TempData["Flash"] = l[disabled ? "Users.DisabledDone" : "Users.EnabledDone", Account.DisplayName].Value;
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return false;
        }

        Account = account;
        IsLockedOut = account.LockoutEnd > time.GetUtcNow();
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.Users;

/// <summary>The administrator sets a new password (and lifts any lockout); the user's open sessions end.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, IValidator<ResetPasswordModel.InputModel> validator, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Password).NotEmpty().MaximumLength(128).WithMessage(l["Common.TooLong"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Password.Mismatch"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, Input.Password);
        if (!result.Succeeded)
        {
            result.AddErrorsTo(ModelState, _ => "Input.Password");

            return Page();
        }

        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        TempData["Flash"] = l["Users.PasswordReset", account.DisplayName].Value;
        return RedirectToPage("Index");
    }
}

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

namespace DealerCrm.Web.Pages.Account;

/// <summary>Every user changes their own password, e.g. after the administrator reset it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<ChangePasswordModel.InputModel> validator, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty();
            RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(128);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(l["Password.Mismatch"]);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            result.AddErrorsTo(ModelState, code => code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword");

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["Password.Changed"].Value;
        return RedirectToPage("/Index");
    }
}

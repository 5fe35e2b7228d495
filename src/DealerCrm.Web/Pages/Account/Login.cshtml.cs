using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Account;

/// <summary>Sign-in with login name or e-mail; too many wrong passwords lock the account (SecurityPolicy).</summary>
[AllowAnonymous]
public sealed class LoginModel(
    DealerCrmSignInManager signIn,
    IValidator<LoginModel.InputModel> validator,
    IOptions<SecurityPolicy> security,
    UnknownLoginThrottle unknownLogins,
    Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer,
    IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Display(Name = "Field.LoginOrEmail")]
        public string Login { get; set; } = "";

        [Display(Name = "Field.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Login).NotEmpty().WithMessage(l["Login.LoginRequired"]).MaximumLength(256);
            RuleFor(x => x.Password).NotEmpty().WithMessage(l["Login.PasswordRequired"]).MaximumLength(128);
        }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await signIn.FindByLoginNameOrEmailAsync(Input.Login);
        var result = user is null
            ? UnknownLogin()
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);

        // Identity refuses a disabled user before looking at the password: say "disabled" only
        // to someone who knows it, so the message does not reveal which accounts exist.
        if (result.IsNotAllowed && user is not null && !await signIn.UserManager.CheckPasswordAsync(user, Input.Password))
        {
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }

        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", user!.UserName);
            return LocalRedirect(SafeReturnUrl);
        }

        ModelState.AddModelError(string.Empty, FailureMessage(result, user));
        Input.Password = "";
        return Page();
    }

    /// <summary>An unknown name fails like a wrong password, and is locked out like an account.</summary>
    private Microsoft.AspNetCore.Identity.SignInResult UnknownLogin()
    {
        var key = normalizer.NormalizeName(Input.Login.Trim());
        return unknownLogins.IsLockedOut(key) || unknownLogins.RecordFailure(key)
            ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    private string FailureMessage(Microsoft.AspNetCore.Identity.SignInResult result, AppUser? user)
    {
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: {UserName} is locked out", user?.UserName);
            return l["Login.LockedOut", security.Value.LockoutMinutes];
        }

        if (result.IsNotAllowed)
        {
            return l["Login.Disabled"];
        }

        return l["Login.Invalid"];
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/");
}

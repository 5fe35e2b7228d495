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

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(UserManager<AppUser> users, IValidator<CreateModel.InputModel> validator, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : UserFields
    {
        [Display(Name = "Field.UserName")]
        public string UserName { get; set; } = "";

        [Display(Name = "Field.InitialPassword")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).WithMessage(l["Common.TooLong"])
                .Matches("^[A-Za-z0-9._@-]+$").WithMessage(l["Users.UserNameChars"]);
            this.AddUserFieldRules(l);
            RuleFor(x => x.Password).NotEmpty();
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Password.Mismatch"]);
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

        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim(),
            ManagedDepartment = Input.ManagedDepartment,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            created.AddErrorsTo(ModelState, code => IdentityResultExtensions.FieldFor(code, "Input.Password"));

            return Page();
        }

        await users.AddToRolesAsync(user, Input.Roles.Distinct());
        TempData["Flash"] = l["Users.Created", user.DisplayName].Value;
        return RedirectToPage("Index");
    }
}

using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Staff;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.Users;

/// <summary>The fields the create and edit pages share, and their rules.</summary>
public class UserFields
{
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.StaffPhone")]
    public string? PhoneNumber { get; set; }

    [Display(Name = "Field.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Field.ManagedDepartment")]
    public ComplaintDepartment? ManagedDepartment { get; set; }
}

public static class UserFieldRules
{
    public static void AddUserFieldRules<T>(this AbstractValidator<T> validator, IStringLocalizer<SharedResource> l)
        where T : UserFields
    {
        validator.RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(50).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.Email).EmailAddress().MaximumLength(256).WithMessage(l["Common.TooLong"]).When(x => !string.IsNullOrWhiteSpace(x.Email));
        validator.RuleFor(x => x.PhoneNumber).Matches(@"^[0-9+\- ]{5,20}$").WithMessage(l["Users.PhoneInvalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.PhoneNumber));
        validator.RuleFor(x => x.Roles).NotEmpty().WithMessage(l["Users.RoleRequired"]);
        // On the list as a whole, so the message shows where the role boxes are (a per-item rule files it under Roles[0]).
        validator.RuleFor(x => x.Roles).Must(roles => roles.All(Roles.IsKnown)).WithMessage(l["Users.RoleUnknown"]);
        validator.RuleFor(x => x.ManagedDepartment).IsInEnum().WithMessage(l["Users.DepartmentUnknown"]);
    }
}

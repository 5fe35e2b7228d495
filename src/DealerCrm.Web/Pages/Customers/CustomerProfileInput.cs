using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>The profile part of a customer file, as the create and edit forms take it.</summary>
public class CustomerProfileInput
{
    [Display(Name = "Field.CustomerKind")]
    public CustomerKind Kind { get; set; } = CustomerKind.Person;

    [Display(Name = "Field.CustomerName")]
    public string Name { get; set; } = "";

    [Display(Name = "Field.Gender")]
    public Gender Gender { get; set; }

    [Display(Name = "Field.Birthday")]
    public DateOnly? Birthday { get; set; }

    [Display(Name = "Field.Occupation")]
    public string? Occupation { get; set; }

    [Display(Name = "Field.PurchasePurpose")]
    public PurchasePurpose PurchasePurpose { get; set; }

    [Display(Name = "Field.Source")]
    public SourceChannel Source { get; set; }

    [Display(Name = "Field.ContactGender")]
    public Gender ContactGender { get; set; }

    [Display(Name = "Field.ContactPosition")]
    public string? ContactPosition { get; set; }

    [Display(Name = "Field.InterestedModels")]
    public string? InterestedModels { get; set; }

    [Display(Name = "Field.BudgetFrom")]
    public decimal? BudgetFromYuan { get; set; }

    [Display(Name = "Field.BudgetTo")]
    public decimal? BudgetToYuan { get; set; }

    [Display(Name = "Field.Concerns")]
    public string? Concerns { get; set; }

    [Display(Name = "Field.Notes")]
    public string? Notes { get; set; }

    [Display(Name = "Field.Salesperson")]
    public string? SalespersonId { get; set; }

    public CustomerProfile ToProfile() => new(
        Kind, Name, Gender, Birthday, Occupation, PurchasePurpose, Source, ContactGender, ContactPosition,
        InterestedModels,
        BudgetFromYuan is { } from ? Money.FromYuan(from) : null,
        BudgetToYuan is { } to ? Money.FromYuan(to) : null,
        Concerns, Notes);

    public void CopyFrom(Customer customer)
    {
        Kind = customer.Kind;
        Name = customer.Name;
        Gender = customer.Gender;
        Birthday = customer.Birthday;
        Occupation = customer.Occupation;
        PurchasePurpose = customer.PurchasePurpose;
        Source = customer.Source;
        ContactGender = customer.ContactGender;
        ContactPosition = customer.ContactPosition;
        InterestedModels = customer.InterestedModels;
        BudgetFromYuan = customer.BudgetFrom?.Yuan;
        BudgetToYuan = customer.BudgetTo?.Yuan;
        Concerns = customer.Concerns;
        Notes = customer.Notes;
        SalespersonId = customer.SalespersonId;
    }
}

public static class CustomerProfileRules
{
    public static void AddProfileRules<T>(this AbstractValidator<T> validator, IStringLocalizer l, Func<DateOnly> today)
        where T : CustomerProfileInput
    {
        validator.RuleFor(x => x.Kind).IsInEnum();
        validator.RuleFor(x => x.Name).NotEmpty().WithMessage(l["Customers.NameRequired"]).MaximumLength(100).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.Gender).IsInEnum();
        validator.RuleFor(x => x.Birthday).PlausibleBirthday(today, l);
        validator.RuleFor(x => x.Occupation).MaximumLength(50).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.PurchasePurpose).IsInEnum();
        validator.RuleFor(x => x.Source).IsInEnum();
        validator.RuleFor(x => x.ContactGender).IsInEnum();
        validator.RuleFor(x => x.ContactPosition).MaximumLength(50).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.InterestedModels).MaximumLength(200).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.BudgetFromYuan).NotNegative(l);
        validator.RuleFor(x => x.BudgetToYuan).NotNegative(l)
            .Must((input, to) => to is null || input.BudgetFromYuan is null || to >= input.BudgetFromYuan)
            .WithMessage(l["Customers.BudgetRange"]);
        validator.RuleFor(x => x.Concerns).MaximumLength(500).WithMessage(l["Common.TooLong"]);
        validator.RuleFor(x => x.Notes).MaximumLength(1000).WithMessage(l["Common.TooLong"]);
    }
}

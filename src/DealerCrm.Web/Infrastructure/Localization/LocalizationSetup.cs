using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    /// <summary>Resource-backed localization, with MVC's model-binding messages localized too.</summary>
    public static IServiceCollection AddDealerCrmLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(Cultures.Configure);
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["Binding.ValueInvalid", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding.ValueInvalidNoField", value]);
            messages.SetValueIsInvalidAccessor(value => l["Binding.ValueInvalidNoField", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => l["Binding.UnknownValueInvalid", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.NonPropertyUnknownValueInvalid"]);
            messages.SetValueMustNotBeNullAccessor(value => l["Binding.ValueMustNotBeNull", value]);
            messages.SetMissingBindRequiredValueAccessor(field => l["Binding.MissingBindRequiredValue", field]);
            messages.SetMissingKeyOrValueAccessor(() => l["Binding.MissingKeyOrValue"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.MissingRequestBody"]);
            messages.SetValueMustBeANumberAccessor(field => l["Binding.ValueMustBeANumber", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.NonPropertyValueMustBeANumber"]);
        });
        return services;
    }
}

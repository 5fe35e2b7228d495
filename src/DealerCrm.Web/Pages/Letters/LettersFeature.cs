using DealerCrm.Infrastructure.Letters;

namespace DealerCrm.Web.Pages.Letters;

public static class LettersFeature
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        // Thread-safe; loads the shipped fonts once.
        services.AddSingleton<ILetterRenderer>(_ => new SkiaLetterRenderer());
        services.AddScoped<ThankYouLetters>();
        return services;
    }
}

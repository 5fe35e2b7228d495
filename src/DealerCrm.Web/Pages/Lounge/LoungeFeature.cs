using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Jobs;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Lounge;

public static class LoungeFeature
{
    public static IServiceCollection AddLounge(this IServiceCollection services)
    {
        services.AddScoped<LoungeBook>();
        services.AddScoped<LoungeFigures>();
        services.AddSingleton<LoungePhotos>();
        services.AddScoped<IDemoDataSeeder, LoungeDemoData>();
        services.AddPeriodicJob<LoungeJob>(LoungeJob.Name,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<LoungePolicy>>().Value.JobIntervalSeconds));
        return services;
    }
}

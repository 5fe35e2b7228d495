using DealerCrm.Infrastructure.Letters;
using DealerCrm.Web.Infrastructure.Reporting;

namespace DealerCrm.Web.Pages.Cockpit;

public static class CockpitFeature
{
    public static IServiceCollection AddCockpit(this IServiceCollection services)
    {
        services.AddScoped<ServiceFigures>();
        services.AddSingleton<ReportFiguresCache>();
        services.AddSingleton<IReportRenderer>(_ => new SkiaReportRenderer());
        return services;
    }
}

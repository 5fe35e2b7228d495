using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

public static class ComplaintsFeature
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddPeriodicJob<ComplaintsJob>(ComplaintsJob.Name, sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ComplaintPolicy>>().Value.JobIntervalSeconds));
        services.AddSingleton<IAuthorizationHandler>(new DutyAuthorizationHandler<Complaint>(ComplaintDuty.Access));
        services.AddSingleton<IAuthorizationHandler, ComplaintAuthorizationHandler>();
        services.AddSingleton<ComplaintNumberAllocator>();
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<ComplaintNotices>();
        services.AddScoped<ComplaintFigures>();
        services.AddScoped<UnhappyCallBackfill>();
        services.AddScoped<IDemoDataSeeder, ComplaintDemoData>();
        return services;
    }
}

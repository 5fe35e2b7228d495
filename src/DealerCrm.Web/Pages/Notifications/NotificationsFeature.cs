using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<BadgeCache>();
        services.AddScoped<Notifier>();
        services.AddScoped<Inbox>();
        services.AddScoped<NoticeRenderer>();
        services.AddScoped<NotificationBadge>();
        services.Configure<MvcOptions>(o => o.Filters.Add<BadgeRefreshFilter>());
        services.AddPeriodicJob<OverdueDigestJob>(OverdueDigestJob.Name,
            sp => TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<NotificationPolicy>>().Value.OverdueDigestJobIntervalMinutes));
        return services;
    }
}

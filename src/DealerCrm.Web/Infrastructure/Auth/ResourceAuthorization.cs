using DealerCrm.Domain.FollowUps;
using Microsoft.AspNetCore.Authorization;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>The handlers that decide per record (a task, a customer), beside the per-page policies.</summary>
public static class ResourceAuthorization
{
    public static IServiceCollection AddResourceAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler>(new DutyAuthorizationHandler<FollowUpTask>(FollowUpDuty.Access));
        services.AddScoped<IAuthorizationHandler, ContactRevealHandler>();
        return services;
    }
}

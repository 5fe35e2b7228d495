using DealerCrm.Domain.Settings;
using DealerCrm.Web.Jobs;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Backups;

public static class BackupsFeature
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddSingleton<BackupFolder>();
        services.AddPeriodicJob<BackupJob>(BackupJob.Name,
            sp => TimeSpan.FromMinutes(Math.Max(1, sp.GetRequiredService<IOptions<BackupPolicy>>().Value.BackupJobIntervalMinutes)));
        return services;
    }
}

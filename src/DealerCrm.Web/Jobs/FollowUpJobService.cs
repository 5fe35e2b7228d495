using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// Runs <see cref="FollowUpJob"/> on a <see cref="PeriodicTimer"/> driven by the app's
/// <see cref="TimeProvider"/> (every minute by default), each run in its own scope. A failed run
/// is logged and the next one runs: the job is idempotent, so nothing is lost or doubled.
/// </summary>
public sealed class FollowUpJobService(IServiceScopeFactory scopes, TimeProvider time, IOptions<FollowUpPolicy> policy, ILogger<FollowUpJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, policy.Value.JobIntervalSeconds)), time);
        do
        {
            await RunAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Follow-up job run failed; the next run will pick up where this one stopped");
        }
    }
}

namespace DealerCrm.Web.Jobs;

/// <summary>
/// The one hosted service of the background work: runs every registered <see cref="IPeriodicJob"/>
/// on its own <see cref="PeriodicTimer"/> (driven by the app's <see cref="TimeProvider"/>), each
/// tick in its own scope. A tick that throws is logged and the next one runs; nothing a job does
/// can stop the host or another job.
/// </summary>
public sealed class JobHost(
    IEnumerable<PeriodicJobRegistration> registrations,
    IConfiguration configuration,
    IServiceProvider services,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<JobHost> logger) : BackgroundService
{
    private readonly Dictionary<string, long> _ticks = [];

    /// <summary>Raised after each tick of a job has finished (well or not): tests await it instead of polling.</summary>
    public event Action<string, Exception?>? TickCompleted;

    /// <summary>How many ticks of the named job have finished since start.</summary>
    public long TicksOf(string name)
    {
        lock (_ticks)
        {
            return _ticks.GetValueOrDefault(name);
        }
    }

    /// <summary>Every job runs unless configuration switches it off (<c>Jobs:Name=false</c>; tests run jobs by hand).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registrations.Where(r => configuration.GetValue($"Jobs:{r.Name}", true)).Select(r => RunLoopAsync(r, stoppingToken)));

    private async Task RunLoopAsync(PeriodicJobRegistration job, CancellationToken stoppingToken)
    {
        // Yield first: every loop starts after the host has started, not inside StartAsync.
        await Task.Yield();
        var period = job.Interval(services);
        using var timer = new PeriodicTimer(period < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : period, time);
        try
        {
            do
            {
                await TickAsync(job, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TickAsync(PeriodicJobRegistration job, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (IPeriodicJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            await instance.RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            failure = e;
            logger.LogError(e, "Job {Job}: the run failed; the next run will pick up where this one stopped", job.Name);
        }

        long run;
        lock (_ticks)
        {
            run = _ticks[job.Name] = _ticks.GetValueOrDefault(job.Name) + 1;
        }

        // Debug: one line a minute per job is noise in production; a test of another process waits for it.
        logger.LogDebug("Job {Job}: run {Run} finished, {Outcome}", job.Name, run, failure is null ? "ok" : "failed");
        TickCompleted?.Invoke(job.Name, failure);
    }
}

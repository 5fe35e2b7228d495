namespace DealerCrm.Web.Jobs;

/// <summary>
/// A job the <see cref="JobHost"/> runs on its own interval, in a fresh DI scope each tick.
/// Jobs are idempotent: a tick that fails, or runs twice on two instances, loses and doubles nothing.
/// </summary>
public interface IPeriodicJob
{
    Task RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>One registered job: its stable name (logs, the admin's list) and how often it runs.</summary>
public sealed record PeriodicJobRegistration(string Name, Type JobType, Func<IServiceProvider, TimeSpan> Interval);

public static class PeriodicJobRegistrations
{
    /// <summary>
    /// Registers a job class (scoped) for the <see cref="JobHost"/>. The interval is read from the
    /// root provider once at start (typically from a policy's options).
    /// </summary>
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval)
        where TJob : class, IPeriodicJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new PeriodicJobRegistration(name, typeof(TJob), interval));
        return services;
    }
}

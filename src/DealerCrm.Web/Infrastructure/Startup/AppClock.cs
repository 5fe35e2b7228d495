using System.Globalization;

namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>
/// The app's one clock. In production the system's. In Development, <c>Clock:StartUtc</c> (an
/// ISO 8601 instant) starts it at that instant and lets it run on in real time: a demo of a given
/// day, or a second app process in a test beside one on a fake clock, both seeing the same day.
/// Anywhere but Development the setting stops the start: a shifted clock in production would
/// date every record wrongly and expire sessions at the wrong time.
/// </summary>
public static class AppClock
{
    public const string StartSetting = "Clock:StartUtc";

    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        var setting = configuration[StartSetting];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return TimeProvider.System;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{StartSetting} is a Development setting; remove it in {environment.EnvironmentName}.");
        }

        if (!DateTimeOffset.TryParse(setting, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            throw new InvalidOperationException($"{StartSetting} must be an ISO 8601 instant such as 2026-11-23T02:00:00Z, not '{setting}'.");
        }

        return new StartedAt(TimeProvider.System, start);
    }

    /// <summary>The system's clock moved by a fixed offset; timers and timestamps are the system's (durations are unchanged).</summary>
    private sealed class StartedAt(TimeProvider system, DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _offset = start - system.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + _offset;

        public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;
    }
}

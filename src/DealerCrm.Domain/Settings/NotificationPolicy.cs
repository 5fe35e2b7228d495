namespace DealerCrm.Domain.Settings;

/// <summary>The in-app notices (the bell): when the overdue digest goes out, how fresh the badges are.</summary>
public sealed class NotificationPolicy
{
    public const string Section = "Policies:Notifications";

    /// <summary>The daily overdue digest goes to the managers from this local hour on (once a day).</summary>
    public int OverdueDigestHour { get; set; } = 8;

    /// <summary>How often the digest job looks whether today's digest is due.</summary>
    public int OverdueDigestJobIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// How long a user's navigation counts (follow-ups due now, unread notices) may be reused
    /// before they are counted again. Whatever the user does, or any notice to them, refreshes
    /// them at once in this process; the queue page itself always counts afresh.
    /// </summary>
    public int BadgeCacheSeconds { get; set; } = 30;
}

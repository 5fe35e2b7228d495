namespace DealerCrm.Domain.Settings;

/// <summary>Confidentiality (保密, RULES 2): when revealing numbers starts to look like a leak.</summary>
public sealed class PrivacyPolicy
{
    public const string Section = "Policies:Privacy";

    /// <summary>A user who reveals more numbers than this in 7 days is flagged to the CS director.</summary>
    public int RevealsPerWeekAlert { get; set; } = 30;

    /// <summary>A user who searches by phone digits more often than this in one day is flagged to the CS director.</summary>
    public int PhoneSearchesPerDayFlag { get; set; } = 30;
}

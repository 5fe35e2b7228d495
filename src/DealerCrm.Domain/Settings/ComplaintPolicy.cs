namespace DealerCrm.Domain.Settings;

/// <summary>The complaint escalation numbers of RULES.md section 5.</summary>
public sealed class ComplaintPolicy
{
    public const string Section = "Policies:Complaints";

    public int Tier1DeadlineHours { get; set; } = 24;

    public int Tier2DeadlineHours { get; set; } = 48;

    public int Tier3DeadlineHours { get; set; } = 72;

    /// <summary>The Automobile Sales Management Measures: the customer hears the outcome within this many working days.</summary>
    public int LegalFeedbackWorkingDays { get; set; } = 7;

    /// <summary>A case is flagged when this few working days remain before the legal limit.</summary>
    public int LegalWarningWorkingDaysLeft { get; set; } = 2;

    /// <summary>The follow-up call created when a case closes is due this many hours later.</summary>
    public int FollowUpCallAfterHours { get; set; } = 24;

    /// <summary>The feedback time promised to the customer lies at most this many days ahead.</summary>
    public int PromisedFeedbackWithinDays { get; set; } = 30;

    /// <summary>How often the complaints job looks for cases past their tier's deadline or near the legal limit.</summary>
    public int JobIntervalSeconds { get; set; } = 60;
}

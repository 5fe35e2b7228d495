namespace DealerCrm.Domain.Settings;

/// <summary>The follow-up cadence numbers of RULES.md section 3.</summary>
public sealed class FollowUpPolicy
{
    public const string Section = "Policies:FollowUps";

    public int ThankYouLetterDueHours { get; set; } = 24;

    public int FirstCallDueHours { get; set; } = 24;

    public int SecondCallDueDays { get; set; } = 7;

    public int ContactIntervalMonths { get; set; } = 2;

    /// <summary>Tasks appear in the queue this many days before they are due (a birthday visit a week ahead).</summary>
    public int TaskLeadDays { get; set; } = 7;

    /// <summary>An occasion (greeting, visit, regular contact, insurance reminder) not done this many days after its day is missed.</summary>
    public int OccasionWindowDays { get; set; } = 7;

    public int AfterServiceRevisitDueDays { get; set; } = 3;

    /// <summary>
    /// A letter, a call after delivery or a revisit that the job first sees more than this many
    /// days after it fell due (history loaded at go-live) is not created: it can no longer serve.
    /// </summary>
    public int SkipTimeBoundFirstSeenDaysAfterDue { get; set; } = 7;

    public int InsuranceReminderDaysBefore { get; set; } = 30;

    public int MaxCallAttempts { get; set; } = 3;

    public int RetryAfterDays { get; set; } = 1;

    /// <summary>An agreed call-back no further ahead than this (a year 9999 typed by mistake is refused).</summary>
    public int CallBackWithinDays { get; set; } = 90;

    /// <summary>The longest call the page's timer may record; a longer figure from the browser is cut to this.</summary>
    public int MaxCallMinutes { get; set; } = 120;

    public int ReturnVisitTargetUnderWarrantyPercent { get; set; } = 100;

    /// <summary>How often the background job creates the tasks that fell due.</summary>
    public int JobIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Source records the job turns into tasks per transaction. At go-live larger batches mean
    /// fewer commits (a batch of 20,000 deliveries writes some 140,000 tasks in about three
    /// seconds, while other writers wait); after that a tick rarely sees more than a handful.
    /// </summary>
    public int JobBatchSize { get; set; } = 20000;
}

namespace DealerCrm.Domain.Settings;

/// <summary>The CSI survey and target numbers of RULES.md section 7.</summary>
public sealed class CsiPolicy
{
    public const string Section = "Policies:Csi";

    public int ServiceInitiationWeightPercent { get; set; } = 21;

    public int ServiceAdvisorWeightPercent { get; set; } = 19;

    public int ServiceQualityWeightPercent { get; set; } = 22;

    public int DealerFacilityWeightPercent { get; set; } = 20;

    public int VehiclePickUpWeightPercent { get; set; } = 18;

    /// <summary>Any answer at or below this raises a hot alert.</summary>
    public int AlertThreshold { get; set; } = 6;

    public int SsiSampleWithinMonths { get; set; } = 1;

    public int CsiSampleFromMonths { get; set; } = 6;

    public int CsiSampleToMonths { get; set; } = 24;

    public decimal CsiTargetPercentOfMaximum { get; set; } = 93m;

    public decimal SatisfactionRateTargetPercent { get; set; } = 98m;

    public decimal RepeatRepairRateCeilingPercent { get; set; } = 2m;

    /// <summary>A repair within this many days of the vehicle's last repair is a repeat repair.</summary>
    public int RepeatRepairWithinDays { get; set; } = 30;
    /// <summary>A customer is asked to take a survey (task created) at most once in this many months.</summary>
    public int MinMonthsBetweenSurveys { get; set; } = 6;

    /// <summary>A CSI survey follows a service visit by at most this many days (later, the customer no longer remembers it).</summary>
    public int CsiVisitWithinDays { get; set; } = 14;

    /// <summary>A survey task is due this many days after it is created.</summary>
    public int SurveyDueDays { get; set; } = 3;

    /// <summary>A hot alert must be resolved (recovery call or complaint) within this many hours.</summary>
    public int HotAlertDeadlineHours { get; set; } = 24;

    /// <summary>The value × satisfaction quadrant counts a customer as high-value from this much spent (purchases and service), in yuan.</summary>
    public int HighValueFromYuan { get; set; } = 300_000;

    /// <summary>How often the survey sampling and hot-alert job runs, in minutes.</summary>
    public int JobIntervalMinutes { get; set; } = 15;
}

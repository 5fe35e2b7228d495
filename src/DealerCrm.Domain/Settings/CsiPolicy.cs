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
}

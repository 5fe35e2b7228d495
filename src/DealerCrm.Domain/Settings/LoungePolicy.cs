namespace DealerCrm.Domain.Settings;

/// <summary>The lounge checklist numbers of RULES.md section 6.</summary>
public sealed class LoungePolicy
{
    public const string Section = "Policies:Lounge";

    public decimal FinePerViolationYuan { get; set; } = 20m;

    public int MagazineRackTidiesPerDay { get; set; } = 3;

    public int ChildAreaAndGlassWipesPerDay { get; set; } = 2;

    public int AshtrayCleansPerDay { get; set; } = 3;

    public int MaxCigaretteButts { get; set; } = 2;

    public int MinDrinkChoices { get; set; } = 3;

    /// <summary>The largest photo a check may carry, in kilobytes.</summary>
    public int PhotoMaxKilobytes { get; set; } = 5120;

    /// <summary>How often the lounge job opens the day's sheet and settles past days (seconds).</summary>
    public int JobIntervalSeconds { get; set; } = 300;
}

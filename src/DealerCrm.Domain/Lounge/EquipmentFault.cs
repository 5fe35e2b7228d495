using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Lounge;

/// <summary>The lounge's equipment and furniture (RULES.md items 12 and 13).</summary>
public enum LoungeEquipment
{
    Computer = 1,
    WaterDispenser = 2,
    Television = 3,
    DiscPlayer = 4,
    AirConditioning = 5,
    Sofa = 6,
    TeaTable = 7,
    Bar = 8,
    Other = 9,
}

public enum FaultStatus
{
    Reported = 0,
    InRepair = 1,
    Repaired = 2,
}

/// <summary>A fault of lounge equipment or furniture and where its repair stands.</summary>
public sealed class EquipmentFault : IVersioned
{
    public const int TextMaxLength = 300;

    private EquipmentFault()
    {
    }

    public EquipmentFault(LoungeEquipment equipment, string description, DateTime reportedUtc, string reportedByUserId)
    {
        Equipment = equipment;
        Description = Text(description, nameof(description)) ?? throw new ArgumentException("A fault is described.", nameof(description));
        ReportedUtc = reportedUtc;
        ReportedByUserId = reportedByUserId;
    }

    public long Id { get; private set; }

    public int Version { get; set; }

    public LoungeEquipment Equipment { get; private set; }

    public string Description { get; private set; } = "";

    public DateTime ReportedUtc { get; private set; }

    public string ReportedByUserId { get; private set; } = "";

    public FaultStatus Status { get; private set; }

    public DateTime? StatusChangedUtc { get; private set; }

    public string? RepairNote { get; private set; }

    public DateTime? RepairedUtc { get; private set; }

    /// <summary>Moves the repair on (reported → in repair → repaired); a repaired fault stays repaired.</summary>
    public void MoveTo(FaultStatus status, string? note, DateTime nowUtc)
    {
        if (Status == FaultStatus.Repaired || status <= Status)
        {
            throw new InvalidOperationException($"A fault moves forward only (now {Status}).");
        }

        Status = status;
        StatusChangedUtc = nowUtc;
        RepairNote = Text(note, nameof(note)) ?? RepairNote;
        if (status == FaultStatus.Repaired)
        {
            RepairedUtc = nowUtc;
        }
    }

    private static string? Text(string? value, string name)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= TextMaxLength ? trimmed : throw new ArgumentException($"At most {TextMaxLength} characters.", name);
    }
}

namespace DealerCrm.Domain.Auditing;

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

/// <summary>One audited change of one entity: who, when, what, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public AuditAction Action { get; private set; }

    /// <summary>The changed fields as JSON: [{"field":"Mobile","old":"...","new":"..."}].</summary>
    public string ChangesJson { get; private set; } = "[]";

    private AuditEntry()
    {
    }

    public AuditEntry(DateTime atUtc, string? userId, string userName, string entityType, string entityId, AuditAction action, string changesJson)
    {
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ChangesJson = changesJson;
    }

    /// <summary>
    /// Forgets the values of the chosen fields (who and when stay): an anonymised customer's
    /// personal data must not survive in the trail either.
    /// </summary>
    public void Redact(Func<string, bool> field)
    {
        ChangesJson = AuditJson.Write(AuditJson.Read(ChangesJson)
            .Select(c => field(c.Field)
                ? c with { Old = c.Old is null ? null : AuditJson.Redacted, New = c.New is null ? null : AuditJson.Redacted }
                : c)
            .ToList());
    }
}

using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Auditing;

/// <summary>One field's change in an audit entry.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>How an audit entry's field changes are written and read.</summary>
public static class AuditJson
{
    public const string Redacted = "***";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, Options);

    public static IReadOnlyList<FieldChange> Read(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json, Options) ?? [];

    /// <summary>Whether a property of an entity type carries contact data (masked when shown).</summary>
    public static bool IsContactData(Type entityType, string property) =>
        entityType.GetProperty(property)?.GetCustomAttribute<ContactDataAttribute>() is not null;
}

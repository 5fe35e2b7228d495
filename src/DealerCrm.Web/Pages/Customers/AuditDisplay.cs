using System.Globalization;
using System.Reflection;
using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>One field's change as a person reads it: its label in their language, the values formatted.</summary>
public sealed record ShownChange(string Label, string? Old, string? New);

/// <summary>
/// Turns the audit trail's raw field changes (property names, ISO UTC times, fen, enum names, user
/// ids, keys) into what a person reads: the form's label, the local time, yuan, the enum's label,
/// the colleague's name, the customer's number; bookkeeping (search keys, keys, who-and-when
/// columns the row already shows) and changes that show the same either side are left out.
/// </summary>
public sealed class AuditDisplay(
    IStringLocalizer localizer,
    DisplayFormatter format,
    IReadOnlyDictionary<string, string> staffNamesById,
    IReadOnlyDictionary<int, string> customerNumbers)
{
    public static readonly IReadOnlyDictionary<string, Type> EntityTypes = new[]
    {
        typeof(Customer), typeof(CustomerPhone), typeof(FamilyMember), typeof(Vehicle), typeof(Delivery), typeof(ServiceVisit),
    }.ToDictionary(t => t.Name);

    /// <summary>Bookkeeping: derived search columns, the row's own who and when, the file a merge pointed to.</summary>
    private static readonly HashSet<string> Hidden =
    [
        "MobileSearchKey", "SearchKeyValue", "VinSearchKey", "PlateSearchKey", "CreatedUtc", "CreatedBy", "RecordedUtc", "RecordedBy",
        "RemovedBy", "VehicleId", "MergedIntoId", "Version",
    ];

    /// <summary>Where the property's own name is not the form's label.</summary>
    private static readonly Dictionary<(string Entity, string Property), string> Labels = new()
    {
        [(nameof(Customer), nameof(Customer.Name))] = "Field.CustomerName",
        [(nameof(Customer), nameof(Customer.Number))] = "Field.CustomerNumber",
        [(nameof(Customer), nameof(Customer.Kind))] = "Field.CustomerKind",
        [(nameof(Customer), nameof(Customer.SalespersonId))] = "Field.Salesperson",
        [(nameof(Customer), nameof(Customer.AnonymisedUtc))] = "Audit.Field.AnonymisedUtc",
        [(nameof(CustomerPhone), nameof(CustomerPhone.Number))] = "Field.Phone",
        [(nameof(FamilyMember), nameof(FamilyMember.RemovedUtc))] = "Audit.Field.RemovedUtc",
        [(nameof(Delivery), nameof(Delivery.SalespersonId))] = "Field.Salesperson",
        [(nameof(Delivery), nameof(Delivery.DeliveredAtUtc))] = "Field.DeliveredAt",
        [(nameof(ServiceVisit), nameof(ServiceVisit.ServiceAdvisorId))] = "Field.ServiceAdvisor",
        [(nameof(ServiceVisit), nameof(ServiceVisit.Type))] = "Field.VisitType",
    };

    /// <summary>The customer ids a page of entries mentions (a merge moves records between files), to show their numbers.</summary>
    public static IEnumerable<int> CustomerIdsIn(IEnumerable<FieldChange> changes) =>
        changes.Where(c => c.Field == nameof(Vehicle.CustomerId))
            .SelectMany(c => new[] { c.Old, c.New })
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0);

    public IReadOnlyList<ShownChange> Show(string entityType, AuditAction action, IEnumerable<FieldChange> changes)
    {
        EntityTypes.TryGetValue(entityType, out var type);
        var shown = new List<ShownChange>();
        foreach (var change in changes)
        {
            // A new record's owner is the file the trail is about (and its key was still a temporary one).
            if (Hidden.Contains(change.Field) || (change.Field == nameof(Vehicle.CustomerId) && action != AuditAction.Modified))
            {
                continue;
            }

            var property = type?.GetProperty(change.Field);
            var old = Value(change.Field, property, change.Old);
            var @new = Value(change.Field, property, change.New);
            // Same either side once formatted (a time's ticks): no change to show. A redacted change stays: it happened.
            if (action == AuditAction.Modified && old == @new && old != AuditJson.Redacted)
            {
                continue;
            }

            shown.Add(new ShownChange(Label(entityType, change.Field), old, @new));
        }

        return shown;
    }

    private string Label(string entityType, string property)
    {
        var key = Labels.GetValueOrDefault((entityType, property)) ?? (property == nameof(Vehicle.CustomerId) ? "Audit.Field.CustomerId" : "Field." + property);
        var label = localizer[key];
        return label.ResourceNotFound ? property : label.Value;
    }

    private string? Value(string field, PropertyInfo? property, string? value)
    {
        if (value is null || value == AuditJson.Redacted || property is null)
        {
            return value;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (field.EndsWith("Id", StringComparison.Ordinal) && type == typeof(string))
        {
            return staffNamesById.GetValueOrDefault(value, value);
        }

        if (field == nameof(Vehicle.CustomerId))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? customerNumbers.GetValueOrDefault(id, value) : value;
        }

        if (type == typeof(Money) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fen))
        {
            return format.Money(new Money(fen));
        }

        if (type == typeof(DateTime) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            // Instants are stored as UTC; one read back without its "Z" is UTC all the same.
            return format.DateTime(instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc));
        }

        if (type == typeof(DateOnly) && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var day))
        {
            return format.Date(day);
        }

        if (type == typeof(bool) && bool.TryParse(value, out var flag))
        {
            return localizer[flag ? "Audit.Yes" : "Audit.No"];
        }

        if (type.IsEnum && Enum.TryParse(type, value, out _))
        {
            var label = localizer[$"Enum.{type.Name}.{value}"];
            return label.ResourceNotFound ? value : label.Value;
        }

        return value;
    }
}

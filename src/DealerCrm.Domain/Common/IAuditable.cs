namespace DealerCrm.Domain.Common;

/// <summary>
/// Marks an entity whose every insert, change and delete is written to the audit trail
/// (who, when, which fields, old and new values).
/// </summary>
public interface IAuditable;

/// <summary>
/// Marks a property holding personal contact data (phone numbers): the audit trail keeps the
/// value, but every page shows it masked, and anonymising a customer scrubs it from the trail.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ContactDataAttribute : Attribute;

/// <summary>A derived property (a search key) that the audit trail leaves out: its source is audited.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

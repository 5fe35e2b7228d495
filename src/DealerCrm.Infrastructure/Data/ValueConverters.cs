using DealerCrm.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DealerCrm.Infrastructure.Data;

/// <summary>Every DateTime in the database is a UTC instant; it comes back marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Money is stored as integer fen.</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Fen, v => new Money(v));

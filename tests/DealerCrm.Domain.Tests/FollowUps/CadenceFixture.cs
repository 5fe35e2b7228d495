using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.Tests.FollowUps;

/// <summary>The cadence with RULES.md's default numbers in Beijing time, and helpers to speak in local times.</summary>
public static class Cadence
{
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static FollowUpPolicy Policy { get; } = new();

    public static FollowUpCadence Default { get; } = new(Policy, Beijing);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Beijing);

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Beijing);

    public static DeliveryFacts Delivery(DateTime deliveredUtc, int id = 1, bool stillWithBuyer = true, bool reachable = true) =>
        new(id, CustomerId: 10, VehicleId: 100 + id, deliveredUtc, "sales-1", "sales-2", stillWithBuyer, reachable);

    /// <summary>Every task the cadence gives a delivery with due dates up to <paramref name="through"/>.</summary>
    public static IReadOnlyList<PlannedTask> Through(DeliveryFacts delivery, DateOnly through) =>
        Default.ForDelivery(delivery, DateOnly.MinValue, through).ToList();
}

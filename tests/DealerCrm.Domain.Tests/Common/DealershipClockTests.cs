using DealerCrm.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Common;

public sealed class DealershipClockTests
{
    private static DealershipClock At(DateTimeOffset utc) =>
        new(new FakeTimeProvider(utc), DealershipClock.FindZone("Asia/Shanghai"));

    [Fact]
    public void Late_evening_in_Beijing_is_already_the_next_day_there_while_still_today_in_UTC()
    {
        // 2026-11-23 23:30 in Beijing is 15:30 UTC the same day; 00:30 Beijing is 16:30 UTC the day before.
        var clock = At(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 24), clock.Today);
        Assert.Equal(new DateTime(2026, 11, 24, 0, 30, 0), clock.LocalNow);
    }

    [Fact]
    public void A_local_day_starts_at_16_00_UTC_the_day_before()
    {
        var clock = At(DateTimeOffset.UnixEpoch);
        Assert.Equal(new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void Local_and_UTC_convert_both_ways()
    {
        var clock = At(DateTimeOffset.UnixEpoch);
        var utc = clock.ToUtc(new DateTime(2026, 2, 28, 23, 30, 0));
        Assert.Equal(new DateTime(2026, 2, 28, 15, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(new DateTime(2026, 2, 28, 23, 30, 0), clock.ToLocal(utc));
        Assert.Equal(new DateOnly(2026, 2, 28), clock.LocalDateOf(utc));
    }
}

using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.Notifications.NotificationPages;

namespace DealerCrm.Web.Tests.Notifications;

/// <summary>
/// The daily overdue digest on the fake clock: nothing before 08:00 local, one notice per manager
/// role at or after it, nothing more that day, again the next day, nothing when nothing is overdue.
/// One test walks the days in order: the clock only moves forward.
/// </summary>
public sealed class OverdueDigestTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task The_digest_goes_to_each_owners_manager_once_a_day_from_the_set_hour()
    {
        var clock = factory.Clock;
        var digests = () => factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.OverdueDigest)
            .Select(n => new { n.RecipientRole, n.DedupeKey }).ToListAsync());

        // The next morning at 07:59: not yet.
        var day1 = clock.Today.AddDays(1);
        MoveTo(day1, 7, 59);
        Assert.Equal(0, await factory.RunDigestAsync());
        Assert.Empty(await digests());

        // 08:00: one notice to each manager role whose people have overdue tasks (an agent and the
        // sales manager given some of their pools' overdue tasks first).
        MoveTo(day1, 8, 0);
        await GiveOverdueAsync(Roles.CsAgent, "csagent2", 3);
        await GiveOverdueAsync(Roles.SalesManager, "salesmanager", 2);
        var overdue = await OverdueByOwnerAsync();
        Assert.Contains(overdue, o => o.OwnerRole == Roles.CsAgent && o.OwnerUserId is not null);
        Assert.Contains(overdue, o => o.OwnerRole == Roles.Salesperson);
        var expectedRoles = overdue.SelectMany(o => Managers.Of(o.OwnerRole)).Distinct().Order().ToList();
        Assert.Equal(expectedRoles.Count, await factory.RunDigestAsync());
        var sent = await digests();
        Assert.Equal(expectedRoles, sent.Select(n => n.RecipientRole!).Order());
        Assert.All(sent, n => Assert.Equal(OverdueDigestJob.DedupeKey(day1, n.RecipientRole!), n.DedupeKey));

        // The CS director reads the counts per agent (and the pool's), the general manager the sales
        // manager's own calls (and the pool of first calls); the link goes to the overview.
        var names = await factory.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName));
        string Expected(string managerRole)
        {
            var work = overdue.Where(o => Managers.Of(o.OwnerRole).Contains(managerRole))
                .OrderByDescending(o => o.Count).ThenBy(o => o.OwnerUserId is null).ThenBy(o => o.OwnerRole, StringComparer.Ordinal).ThenBy(o => o.OwnerUserId, StringComparer.Ordinal).ToList();
            return $"逾期回访任务共 {work.Sum(o => o.Count)} 条：" + string.Join("，",
                work.Select(o => $"{(o.OwnerUserId is null ? PoolLabel(o.OwnerRole) : names[o.OwnerUserId])} {o.Count} 条"));
        }

        foreach (var role in new[] { Roles.CsDirector, Roles.GeneralManager, Roles.SalesManager })
        {
            using var manager = await SiteClient.SignedInAsync(factory, role);
            // Other features' jobs (complaints, CSI alerts) tell the same managers their own news.
            var item = Assert.Single(Items(await manager.GetHtmlAsync("/Notifications")), i => i.Text.StartsWith("逾期回访任务", StringComparison.Ordinal));
            Assert.Equal(Expected(role), item.Text);
            using var opened = await manager.GetAsync($"/Notifications/Open/{item.Id}");
            Assert.Equal("/FollowUps/Overview", opened.Headers.Location!.OriginalString);
        }

        Assert.Contains(overdue, o => o.OwnerRole == Roles.SalesManager);
        Assert.DoesNotContain("吴婷婷", Expected(Roles.GeneralManager), StringComparison.Ordinal);

        // Later that day, again and again: nothing more.
        MoveTo(day1, 9, 0);
        Assert.Equal(0, await factory.RunDigestAsync());
        MoveTo(day1, 23, 59);
        Assert.Equal(0, await factory.RunDigestAsync());
        Assert.Equal(sent.Count, (await digests()).Count);

        // The next day, after the hour: a new one.
        var day2 = day1.AddDays(1);
        MoveTo(day2, 8, 30);
        Assert.Equal(expectedRoles.Count, await factory.RunDigestAsync());
        Assert.Equal(expectedRoles, (await digests()).Where(n => n.DedupeKey!.Contains(day2.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Select(n => n.RecipientRole!).Order());

        // Everything overdue gets done: the day after, no digest at all.
        await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.IsOverdue)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, FollowUpStatus.Done)));
        var before = (await digests()).Count;
        MoveTo(day2.AddDays(1), 10, 0);
        Assert.Equal(0, await factory.RunDigestAsync());
        Assert.Equal(before, (await digests()).Count);
    }

    private sealed record Owner(string OwnerRole, string? OwnerUserId, int Count);

    private Task<List<Owner>> OverdueByOwnerAsync() =>
        factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.IsOverdue)
            .GroupBy(t => new { t.OwnerRole, t.OwnerUserId }).Select(g => new Owner(g.Key.OwnerRole, g.Key.OwnerUserId, g.Count())).ToListAsync());

    private async Task GiveOverdueAsync(string role, string login, int count)
    {
        var userId = await CustomerTestData.UserIdAsync(factory, login);
        await using var scope = factory.Scope(out var db);
        foreach (var task in await db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Open && t.IsOverdue && t.OwnerUserId == null && t.OwnerRole == role && t.ExcludedUserId == null)
                     .OrderBy(t => t.Id).Take(count).ToListAsync())
        {
            task.Reassign(userId, "test", login, factory.Time.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync();
    }

    private static string PoolLabel(string role) => role switch
    {
        Roles.CsAgent => "客服专员（待认领）",
        Roles.SalesManager => "销售经理（待认领）",
        Roles.Salesperson => "销售顾问（待认领）",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private void MoveTo(DateOnly day, int hour, int minute)
    {
        var target = factory.Clock.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));
        var now = factory.Time.GetUtcNow().UtcDateTime;
        Assert.True(target >= now, "The clock only moves forward.");
        factory.Advance(target - now);
    }
}

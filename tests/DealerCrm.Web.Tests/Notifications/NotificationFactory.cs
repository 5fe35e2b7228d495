using DealerCrm.Domain.Notifications;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Notifications;

/// <summary>The follow-up site with the overdue digest's timer off too: tests run the digest by hand.</summary>
public class NotificationFactory : FollowUpFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Jobs:" + OverdueDigestJob.Name] = "false" };

    public async Task<int> RunDigestAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueDigestJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Sends notices through the real <see cref="Notifier"/> and saves them, as a feature's handler would.</summary>
    public async Task<IReadOnlyList<long>> SendAsync(Func<Notifier, Task> send)
    {
        await using var scope = Scope(out var db);
        await send(scope.ServiceProvider.GetRequiredService<Notifier>());
        var added = db.ChangeTracker.Entries<Notification>().Select(e => e.Entity).ToList();
        await db.SaveChangesAsync();
        return added.Select(n => n.Id).ToList();
    }
}

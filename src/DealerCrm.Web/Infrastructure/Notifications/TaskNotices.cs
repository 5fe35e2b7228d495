using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Notifications;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>The notices follow-up features send (kept here, so the follow-up pages change by a line).</summary>
public static class TaskNotices
{
    /// <summary>
    /// Tells the new owner of reassigned tasks: one task links to its call page; several give
    /// one notice with their number, linking to the queue (a manager moving 30 tasks sends one notice, not 30).
    /// </summary>
    public static async Task NotifyReassignedAsync(Notifier notifier, string toUserId, string byName, IReadOnlyList<FollowUpTask> tasks, DealershipClock clock, CancellationToken cancellationToken)
    {
        if (tasks.Count == 1)
        {
            var task = tasks[0];
            await notifier.NotifyUserAsync(toUserId, NotificationKind.TaskReassigned, "Notifications.TaskReassigned",
                [byName, NoticeArg.Localized($"Enum.FollowUpKind.{task.Kind}"), clock.LocalDateOf(task.DueUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                string.Create(CultureInfo.InvariantCulture, $"/FollowUps/{task.Id}"), cancellationToken: cancellationToken);
        }
        else if (tasks.Count > 1)
        {
            await notifier.NotifyUserAsync(toUserId, NotificationKind.TaskReassigned, "Notifications.TasksReassigned",
                [byName, NoticeArg.Of(tasks.Count)], "/FollowUps", cancellationToken: cancellationToken);
        }
    }
}

using System.Security.Claims;
using DealerCrm.Domain.Common;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>
/// Claiming a pool task. Two agents pressing "claim" at the same moment: the task's version
/// makes the second UPDATE miss, and the loser is told who has it.
/// </summary>
public static class FollowUpClaim
{
    public sealed record Outcome(bool Claimed, string Message);

    public static async Task<Outcome> TryAsync(DealerCrmDbContext db, IAuthorizationService authorization, long taskId, ClaimsPrincipal user, DealershipClock clock, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var userId = user.UserId()!;
        var task = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !task.IsOpen)
        {
            return new(false, l["FollowUps.ClaimGone"]);
        }

        if (task.OwnerUserId is not null)
        {
            return new(task.OwnerUserId == userId, await TakenByAsync(db, task.OwnerUserId, l, cancellationToken));
        }

        if (!(await authorization.AuthorizeAsync(user, task, DutyOperations.Claim)).Succeeded)
        {
            return new(false, l["FollowUps.ClaimNotYours"]);
        }

        try
        {
            task.Claim(userId, user.Identity!.Name!, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            return new(true, l["FollowUps.Claimed"]);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var owner = await db.FollowUpTasks.Where(t => t.Id == taskId).Select(t => t.OwnerUserId).SingleAsync(cancellationToken);
            return new(false, owner is null ? l["FollowUps.ClaimRetry"] : await TakenByAsync(db, owner, l, cancellationToken));
        }
    }

    private static async Task<string> TakenByAsync(DealerCrmDbContext db, string ownerId, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var name = await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return l["FollowUps.ClaimTaken", name];
    }
}

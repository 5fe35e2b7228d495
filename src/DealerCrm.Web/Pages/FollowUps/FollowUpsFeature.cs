using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Navigation;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.FollowUps;

public static class FollowUpsFeature
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPeriodicJob<FollowUpJob>(FollowUpJob.Name, sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<FollowUpPolicy>>().Value.JobIntervalSeconds));
        services.AddScoped<FollowUpWorklist>();
        services.AddScoped<FollowUpStats>();
        services.AddScoped<ICustomerMergeStep, FollowUpMergeStep>();
        services.AddScoped<ICustomerAnonymiseStep, FollowUpAnonymiseStep>();
        services.AddScoped<IFamilyMemberRemovedStep, FollowUpFamilyRemovedStep>();
        services.AddScoped<ICustomerTimelineSource, FollowUpTimelineSource>();
        services.AddScoped<INavBadgeSource, FollowUpBadge>();
        services.AddScoped<IDemoDataSeeder, FollowUpDemoData>();
        return services;
    }
}

/// <summary>Merging files: the absorbed file's tasks become the survivor's.</summary>
public sealed class FollowUpMergeStep : ICustomerMergeStep
{
    public async Task MoveAsync(DealerCrmDbContext db, int fromCustomerId, int toCustomerId, CancellationToken cancellationToken)
    {
        foreach (var task in await db.FollowUpTasks.Where(t => t.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            task.MoveToCustomer(toCustomerId);
        }
    }
}

/// <summary>Anonymising: nobody calls a forgotten customer; their open tasks are cancelled, the done ones stay.</summary>
public sealed class FollowUpAnonymiseStep(DealershipClock clock) : ICustomerAnonymiseStep
{
    public async Task OnAnonymisedAsync(DealerCrmDbContext db, int customerId, CancellationToken cancellationToken)
    {
        foreach (var task in await db.FollowUpTasks.Where(t => t.CustomerId == customerId && t.Status == FollowUpStatus.Open).ToListAsync(cancellationToken))
        {
            task.Cancel(clock.UtcNow);
        }
    }
}

/// <summary>A family member taken off the file: their open greetings are cancelled, with why.</summary>
public sealed class FollowUpFamilyRemovedStep(DealershipClock clock, IStringLocalizer<SharedResource> l) : IFamilyMemberRemovedStep
{
    public async Task OnRemovedAsync(DealerCrmDbContext db, FamilyMember member, string byUserName, CancellationToken cancellationToken)
    {
        foreach (var task in await db.FollowUpTasks.Where(t => t.FamilyMemberId == member.Id && t.Status == FollowUpStatus.Open).ToListAsync(cancellationToken))
        {
            task.Cancel(clock.UtcNow, byUserName, l["FollowUps.CancelledMemberRemoved", member.Name]);
        }
    }
}

/// <summary>The customer timeline's follow-ups: what was done (and how it went), and unhappy customers.</summary>
public sealed class FollowUpTimelineSource(DealerCrmDbContext db, IStringLocalizer<SharedResource> l) : ICustomerTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int customerId, CancellationToken cancellationToken)
    {
        var tasks = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.Status != FollowUpStatus.Open && t.Status != FollowUpStatus.Cancelled)
            .OrderByDescending(t => t.CompletedUtc).Take(30)
            .Select(t => new { t.Id, t.Kind, t.Status, t.CompletedUtc, t.DueUtc, t.CustomerUnhappy, t.UnhappyNote })
            .ToListAsync(cancellationToken);
        return tasks.Select(t => new TimelineEvent(
            t.CompletedUtc ?? t.DueUtc,
            t.CustomerUnhappy ? "bi-emoji-frown" : "bi-telephone",
            l["Timeline.FollowUp", l.Label(t.Kind), l.Label(t.Status)],
            t.CustomerUnhappy ? t.UnhappyNote : null,
            $"/FollowUps/{t.Id}")).ToList();
    }
}

/// <summary>
/// The navigation's count: the user's follow-ups overdue or due today, reused from the
/// <see cref="BadgeCache"/> while fresh (it is on every page). The queue page counts its tabs
/// afresh anyway: there the badge takes those counts and keeps them for the pages that follow.
/// </summary>
public sealed class FollowUpBadge(FollowUpWorklist worklist, BadgeCache badges, IHttpContextAccessor http) : INavBadgeSource
{
    public string Name => BadgeCache.FollowUps;

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext!;
        var user = context.User;
        if (user.UserId() is not { } userId)
        {
            return 0;
        }

        if (context.GetRouteValue("page") is "/FollowUps/Index")
        {
            var generations = badges.Generations(userId);
            var count = await worklist.CountNowAsync(user, cancellationToken);
            badges.Set(userId, Name, count, generations);
            return count;
        }

        return await badges.GetOrCountAsync(userId, Name, () => worklist.CountNowAsync(user, cancellationToken));
    }
}

using System.Security.Claims;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Duties;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>What a user may do with a complaint beyond the duty engine's own operations.</summary>
public static class ComplaintOperations
{
    /// <summary>Act on the case now: one of its current tier's handlers, or the general manager (<see cref="ComplaintDuty.MayHandle"/>).</summary>
    public static readonly OperationAuthorizationRequirement Handle = new() { Name = nameof(Handle) };

    /// <summary>Reopen a closed case, escalate a rejected solution: the CS director (or the general manager).</summary>
    public static readonly OperationAuthorizationRequirement Direct = new() { Name = nameof(Direct) };

    /// <summary>The signed-in user as a complaint's duty sees them.</summary>
    public static DutyViewer ComplaintViewer(this ClaimsPrincipal user) => user.DutyViewer(ComplaintDuty.Access);

    /// <summary>The user as the timeline and the job's notes name them.</summary>
    public static ComplaintActor ComplaintActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.Identity?.Name ?? "", user.ComplaintViewer().Roles);
}

/// <summary>Answers <see cref="ComplaintOperations"/> with the domain's rules.</summary>
public sealed class ComplaintAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Complaint>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Complaint resource)
    {
        if (context.User.UserId() is null)
        {
            return Task.CompletedTask;
        }

        var viewer = context.User.ComplaintViewer();
        var allowed = requirement.Name switch
        {
            nameof(ComplaintOperations.Handle) => ComplaintDuty.MayHandle(resource, viewer),
            nameof(ComplaintOperations.Direct) => ComplaintDuty.MayDirect(resource, viewer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

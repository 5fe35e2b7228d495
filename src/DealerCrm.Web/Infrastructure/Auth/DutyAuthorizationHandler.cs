using DealerCrm.Domain.Duties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// Answers <see cref="DutyOperations"/> on one kind of duty with the domain's rule: a page asks,
/// it never re-derives who may see, claim or work a task. A new kind of duty registers one more
/// of these with its own <see cref="DutyAccess{TDuty}"/>.
/// </summary>
public sealed class DutyAuthorizationHandler<TDuty>(DutyAccess<TDuty> access) : AuthorizationHandler<OperationAuthorizationRequirement, TDuty>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TDuty resource)
    {
        if (context.User.UserId() is not null
            && Enum.TryParse<DutyRule>(requirement.Name, out var rule)
            && access.May(rule, resource, context.User.DutyViewer(access)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

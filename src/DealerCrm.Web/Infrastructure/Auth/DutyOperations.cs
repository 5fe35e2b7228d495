using System.Security.Claims;
using DealerCrm.Domain.Duties;
using DealerCrm.Domain.Staff;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// What a user may do with a duty (a follow-up task, later a complaint or a hot alert), asked as
/// <c>IAuthorizationService.AuthorizeAsync(User, task, DutyOperations.Act)</c>. Each is one of
/// the domain's <see cref="DutyRule"/>s, answered by <see cref="DutyAuthorizationHandler{TDuty}"/>.
/// </summary>
public static class DutyOperations
{
    public static readonly OperationAuthorizationRequirement See = new() { Name = nameof(DutyRule.See) };

    public static readonly OperationAuthorizationRequirement Claim = new() { Name = nameof(DutyRule.Claim) };

    public static readonly OperationAuthorizationRequirement Act = new() { Name = nameof(DutyRule.Act) };

    public static readonly OperationAuthorizationRequirement Hold = new() { Name = nameof(DutyRule.Hold) };

    public static readonly OperationAuthorizationRequirement Reassign = new() { Name = nameof(DutyRule.Reassign) };

    /// <summary>The signed-in user as a kind of duty sees them: id, roles held, pools supervised.</summary>
    public static DutyViewer DutyViewer<TDuty>(this ClaimsPrincipal user, DutyAccess<TDuty> access) =>
        access.Viewer(user.UserId() ?? "", Roles.All.Where(user.IsInRole));
}

/// <summary>What a user may do with a customer's file.</summary>
public static class CustomerOperations
{
    /// <summary>See the phone numbers whole (with a reason, logged).</summary>
    public static readonly OperationAuthorizationRequirement RevealContact = new() { Name = nameof(RevealContact) };
}

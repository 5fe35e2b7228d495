using DealerCrm.Domain.Staff;
using Microsoft.AspNetCore.Authorization;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// The named authorization policies: every page declares one, and the navigation shows a
/// link only to users who satisfy its page's policy. docs/access-matrix.md explains the choices.
/// </summary>
public static class Policies
{
    /// <summary>Any member of staff (holds at least one role).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Users, roles and settings.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [Admin] = [Roles.Admin],
    };

    public static AuthorizationBuilder AddDealerCrmPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // A page that forgot its [Authorize] still needs a signed-in member of staff.
        return builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());
    }

    public static bool Allows(string policy, IEnumerable<string> userRoles) =>
        RolesByPolicy[policy].Intersect(userRoles, StringComparer.Ordinal).Any();
}

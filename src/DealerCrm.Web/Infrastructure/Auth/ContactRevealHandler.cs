using System.Security.Claims;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// Who may see a customer's phone numbers whole (RULES 2, 保密), asked as
/// <see cref="CustomerOperations.RevealContact"/>: the roles of the ContactReveal policy; a
/// salesperson (who holds no other such role) only for customers they look after or sold to, the
/// classic path of a customer list leaving with a departing salesperson; an anonymised customer never.
/// </summary>
public sealed class ContactRevealHandler(DealerCrmDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Customer>
{
    /// <summary>Whether the user may reveal any (not anonymised) customer's numbers, not only their own customers'.</summary>
    public static bool MayRevealAnyNumber(ClaimsPrincipal user) =>
        Policies.Allows(Policies.ContactReveal, Roles.All.Where(r => r != Roles.Salesperson && user.IsInRole(r)));

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Customer customer)
    {
        if (requirement.Name != CustomerOperations.RevealContact.Name)
        {
            return;
        }

        var user = context.User;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        if (!Policies.Allows(Policies.ContactReveal, roles) || customer.IsAnonymised)
        {
            return;
        }

        var userId = user.UserId();
        if (MayRevealAnyNumber(user)
            || customer.SalespersonId == userId
            || await db.Deliveries.AnyAsync(d => d.CustomerId == customer.Id && d.SalespersonId == userId))
        {
            context.Succeed(requirement);
        }
    }
}

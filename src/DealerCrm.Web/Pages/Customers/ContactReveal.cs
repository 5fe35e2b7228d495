using System.Security.Claims;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// Who may see a customer's phone numbers whole (RULES 2, 保密): the roles of the ContactReveal
/// policy; a salesperson (who holds no other such role) only for customers they look after or
/// sold to, the classic path of a customer list leaving with a departing salesperson.
/// </summary>
public sealed class ContactRevealRule(DealerCrmDbContext db)
{
    public async Task<bool> MayRevealAsync(ClaimsPrincipal user, Customer customer, CancellationToken cancellationToken)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        if (!Policies.Allows(Policies.ContactReveal, roles) || customer.IsAnonymised)
        {
            return false;
        }

        if (Policies.Allows(Policies.ContactReveal, roles.Where(r => r != Roles.Salesperson)))
        {
            return true;
        }

        var userId = user.UserId();
        return customer.SalespersonId == userId
               || await db.Deliveries.AnyAsync(d => d.CustomerId == customer.Id && d.SalespersonId == userId, cancellationToken);
    }
}

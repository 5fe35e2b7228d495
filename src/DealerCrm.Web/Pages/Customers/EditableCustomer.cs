using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

public static class EditableCustomer
{
    /// <summary>A customer whose file may still change: found, not merged away, not anonymised.</summary>
    public static async Task<Customer?> FindAsync(DealerCrmDbContext db, int id, CancellationToken cancellationToken, bool withContact = false)
    {
        var query = db.Customers.AsQueryable();
        if (withContact)
        {
            query = query.Include(c => c.OtherPhones);
        }

        var customer = await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is { IsMerged: false, IsAnonymised: false } ? customer : null;
    }

    /// <summary>
    /// Makes the UPDATE check the version the form was rendered with, so a form left open while a
    /// colleague saved cannot silently overwrite their change.
    /// </summary>
    public static void ExpectVersion<T>(this DealerCrmDbContext db, T entity, int version)
        where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
}

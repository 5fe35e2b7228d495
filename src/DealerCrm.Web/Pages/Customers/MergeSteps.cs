using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// A feature's part in merging two files of one person: it moves its own records from the
/// duplicate to the surviving file. Records are loaded and changed (not bulk-updated) so the
/// audit trail sees every move.
/// </summary>
public interface ICustomerMergeStep
{
    Task MoveAsync(DealerCrmDbContext db, int fromCustomerId, int toCustomerId, CancellationToken cancellationToken);
}

/// <summary>A feature's part in anonymising a customer: it drops what no longer makes sense (open calls).</summary>
public interface ICustomerAnonymiseStep
{
    Task OnAnonymisedAsync(DealerCrmDbContext db, int customerId, CancellationToken cancellationToken);
}

/// <summary>A feature's part in taking a family member off a file: it drops what was planned for them.</summary>
public interface IFamilyMemberRemovedStep
{
    Task OnRemovedAsync(DealerCrmDbContext db, FamilyMember member, string byUserName, CancellationToken cancellationToken);
}

/// <summary>The file's own records: vehicles, deliveries, service visits.</summary>
public sealed class CustomerRecordsMergeStep : ICustomerMergeStep
{
    public async Task MoveAsync(DealerCrmDbContext db, int fromCustomerId, int toCustomerId, CancellationToken cancellationToken)
    {
        foreach (var vehicle in await db.Vehicles.Where(v => v.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            vehicle.TransferTo(toCustomerId);
        }

        foreach (var delivery in await db.Deliveries.Where(d => d.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            delivery.MoveToCustomer(toCustomerId);
        }

        foreach (var visit in await db.ServiceVisits.Where(s => s.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            visit.MoveToCustomer(toCustomerId);
        }
    }
}

using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DealerCrm.Infrastructure.Data.Interceptors;

/// <summary>
/// A birthday or an insurance expiry changed on a row the follow-up job may already have planned
/// (any page, the import, a merge) asks the job to plan it again: a
/// <see cref="FollowUpRecheck"/> row, in the same save as the change. New rows need none: the
/// job's cursor reaches them.
/// </summary>
public sealed class FollowUpFactsInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RequestRechecks(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RequestRechecks(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void RequestRechecks(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow().UtcDateTime;
        var rechecks = new List<FollowUpRecheck>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            var source = entry.Entity switch
            {
                Customer when Changed(entry, nameof(Customer.Birthday)) => FollowUpSources.Customer,
                FamilyMember when Changed(entry, nameof(FamilyMember.Birthday)) => FollowUpSources.FamilyMember,
                Vehicle when Changed(entry, nameof(Vehicle.InsuranceExpiry)) => FollowUpSources.Vehicle,
                _ => null,
            };
            if (source is not null)
            {
                rechecks.Add(new FollowUpRecheck(source, (int)entry.Property("Id").CurrentValue!, now));
            }
        }

        context.Set<FollowUpRecheck>().AddRange(rechecks);
    }

    private static bool Changed(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return value.IsModified && !Equals(value.OriginalValue, value.CurrentValue);
    }
}

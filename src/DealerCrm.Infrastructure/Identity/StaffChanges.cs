using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DealerCrm.Infrastructure.Identity;

/// <summary>
/// A counter that moves on whenever a user or a user's roles are saved, so that lists of staff
/// kept in memory know they are out of date. Every change to staff goes through a DbContext
/// (UserManager, the admin pages, the seeders), so <see cref="StaffChangeInterceptor"/> sees it.
/// </summary>
public sealed class StaffChanges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Changed() => Interlocked.Increment(ref _generation);
}

/// <summary>Moves <see cref="StaffChanges"/> on after a save that added, changed or removed a user or a role grant.</summary>
public sealed class StaffChangeInterceptor(StaffChanges changes) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries()
                .Any(e => e.Entity is AppUser or AppUserRole && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _saving.AddOrUpdate(context, context);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            changes.Changed();
        }
    }
}

using System.Runtime.CompilerServices;
using DealerCrm.Domain.Common;
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

/// <summary>
/// Moves <see cref="StaffChanges"/> on after a save that added, changed or removed a user or a
/// role grant, and the <see cref="ChangeSignal.Staff"/> row in the database, which tells every
/// other instance of the app on the same database. The row moves after the save: a reader
/// that sees its new version then reads the new staff, never the old.
/// </summary>
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
        if (Signal(eventData.Context) is { } context)
        {
            context.Database.ExecuteSql($"UPDATE ChangeSignals SET Version = Version + 1 WHERE Name = {ChangeSignal.Staff}");
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Signal(eventData.Context) is { } context)
        {
            // Not cancelled: the save is done, and other instances must hear of it.
            await context.Database.ExecuteSqlAsync($"UPDATE ChangeSignals SET Version = Version + 1 WHERE Name = {ChangeSignal.Staff}", CancellationToken.None);
        }

        return result;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries()
                .Any(e => e.Entity is AppUser or AppUserRole && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _saving.AddOrUpdate(context, context);
        }
    }

    /// <summary>The context whose save changed staff (the in-process counter moved on), else null.</summary>
    private DbContext? Signal(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            changes.Changed();
            return context;
        }

        return null;
    }
}

using System.Globalization;
using System.Reflection;
using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DealerCrm.Infrastructure.Data.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAuditable"/>
/// entity. Changes are captured before the save (old values are still known); the entries are
/// written right after it (database-generated keys are known by then), inside one transaction
/// with the change itself, so a change is never saved without its audit trail.
/// One instance per scope: it carries the pending entries between the two calls.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider time) : SaveChangesInterceptor
{
    private List<PendingAudit>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } context && context.Database.CurrentTransaction is null)
        {
            _ownTransaction = context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } context && context.Database.CurrentTransaction is null)
        {
            _ownTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeEntries(eventData.Context) is not { } context)
        {
            return result;
        }

        try
        {
            _writingAudit = true;
            context.SaveChanges();
            _ownTransaction?.Commit();
        }
        catch
        {
            _ownTransaction?.Rollback();
            throw;
        }
        finally
        {
            _writingAudit = false;
            EndOwnTransaction();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeEntries(eventData.Context) is not { } context)
        {
            return result;
        }

        try
        {
            _writingAudit = true;
            await context.SaveChangesAsync(cancellationToken);
            if (_ownTransaction is not null)
            {
                await _ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (_ownTransaction is not null)
            {
                await _ownTransaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            _writingAudit = false;
            EndOwnTransaction();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    /// <summary>Records what is about to change; returns the context when there is anything to audit.</summary>
    private DbContext? Capture(DbContext? context)
    {
        if (_writingAudit || context is null)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        _pending = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAuditable && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(PendingAudit.From)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        return _pending.Count > 0 ? context : null;
    }

    /// <summary>After the save: turns pending records into audit rows on the context, ready to be saved.</summary>
    private DbContext? TakeEntries(DbContext? context)
    {
        if (_writingAudit || context is null || _pending is not { Count: > 0 } pending)
        {
            return null;
        }

        _pending = null;
        var now = time.GetUtcNow().UtcDateTime;
        context.AddRange(pending.Select(p => p.ToEntry(now, actor)));
        return context;
    }

    private void Abandon()
    {
        if (_writingAudit)
        {
            return;
        }

        _pending = null;
        _ownTransaction?.Rollback();
        EndOwnTransaction();
    }

    private void EndOwnTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private sealed class PendingAudit(EntityEntry entry, AuditAction action, List<FieldChange> changes)
    {
        /// <summary>Secrets (Identity's): the trail records that they changed, never their value.</summary>
        private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp"];

        /// <summary>Bookkeeping that changes on its own (tokens, a wrong password, derived columns): not worth a trail line.</summary>
        private static readonly HashSet<string> Ignored = [nameof(IVersioned.Version), "ConcurrencyStamp", "AccessFailedCount", "NormalizedUserName", "NormalizedEmail"];

        public static PendingAudit? From(EntityEntry entry)
        {
            var properties = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Ignored.Contains(p.Metadata.Name)
                && p.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null);
            switch (entry.State)
            {
                case EntityState.Added:
                    return new(entry, AuditAction.Added, properties
                        .Where(p => p.CurrentValue is not null)
                        .Select(p => new FieldChange(p.Metadata.Name, null, Format(p, p.CurrentValue)))
                        .ToList());
                case EntityState.Deleted:
                    return new(entry, AuditAction.Deleted, properties
                        .Select(p => new FieldChange(p.Metadata.Name, Format(p, p.OriginalValue), null))
                        .ToList());
                default:
                    var changes = properties
                        .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => new FieldChange(p.Metadata.Name, Format(p, p.OriginalValue), Format(p, p.CurrentValue)))
                        .ToList();
                    return changes.Count == 0 ? null : new(entry, AuditAction.Modified, changes);
            }
        }

        public AuditEntry ToEntry(DateTime atUtc, ICurrentActor actor)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Format(entry.Property(p.Name).CurrentValue));
            return new AuditEntry(atUtc, actor.UserId, actor.UserName, entry.Metadata.ClrType.Name,
                string.Join(",", key), action, AuditJson.Write(changes));
        }

        private static string? Format(PropertyEntry property, object? value) =>
            value is not null && Redacted.Contains(property.Metadata.Name) ? AuditJson.Redacted : Format(value);

        private static string? Format(object? value) => value switch
        {
            null => null,
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Money m => m.Fen.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}

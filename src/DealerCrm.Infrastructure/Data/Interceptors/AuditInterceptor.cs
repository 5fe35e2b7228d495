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
/// One instance serves every (pooled) context: what a save carries between the two calls lives
/// on its context (<see cref="AuditSession"/>), and so does who is acting.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } context && context.Database.CurrentTransaction is null)
        {
            context.AuditSession!.OwnTransaction = context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } context && context.Database.CurrentTransaction is null)
        {
            context.AuditSession!.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeEntries(eventData.Context) is not { } context)
        {
            return result;
        }

        var session = context.AuditSession!;
        try
        {
            session.WritingAudit = true;
            context.SaveChanges();
            session.OwnTransaction?.Commit();
        }
        catch
        {
            session.OwnTransaction?.Rollback();
            throw;
        }
        finally
        {
            End(context);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeEntries(eventData.Context) is not { } context)
        {
            return result;
        }

        var session = context.AuditSession!;
        try
        {
            session.WritingAudit = true;
            await context.SaveChangesAsync(cancellationToken);
            if (session.OwnTransaction is not null)
            {
                await session.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (session.OwnTransaction is not null)
            {
                await session.OwnTransaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            End(context);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Records what is about to change; returns the context when there is anything to audit.</summary>
    private static DealerCrmDbContext? Capture(DbContext? eventContext)
    {
        if (eventContext is not DealerCrmDbContext context || context.AuditSession is { WritingAudit: true })
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        var pending = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAuditable && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(PendingAudit.From)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        context.AuditSession = new AuditSession { Pending = pending };
        return context;
    }

    /// <summary>After the save: turns pending records into audit rows on the context, ready to be saved.</summary>
    private DealerCrmDbContext? TakeEntries(DbContext? eventContext)
    {
        if (eventContext is not DealerCrmDbContext { AuditSession: { WritingAudit: false, Pending: { Count: > 0 } pending } session } context)
        {
            return null;
        }

        session.Pending = null;
        var now = time.GetUtcNow().UtcDateTime;
        context.AddRange(pending.Select(p => p.ToEntry(now, context.Actor)));
        return context;
    }

    private static void Abandon(DbContext? eventContext)
    {
        if (eventContext is not DealerCrmDbContext { AuditSession: { WritingAudit: false } session } context)
        {
            return;
        }

        session.OwnTransaction?.Rollback();
        End(context);
    }

    private static void End(DealerCrmDbContext context)
    {
        context.AuditSession?.OwnTransaction?.Dispose();
        context.AuditSession = null;
    }

    internal sealed class PendingAudit(EntityEntry entry, AuditAction action, List<FieldChange> changes)
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

/// <summary>What one save carries between <see cref="AuditInterceptor"/>'s calls before and after it.</summary>
internal sealed class AuditSession
{
    public List<AuditInterceptor.PendingAudit>? Pending { get; set; }

    public IDbContextTransaction? OwnTransaction { get; set; }

    /// <summary>The interceptor is saving the audit rows themselves: that save is not audited again.</summary>
    public bool WritingAudit { get; set; }
}

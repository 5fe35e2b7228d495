using System.Collections.Concurrent;
using DealerCrm.Domain.Common;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Staff;

/// <summary>A member of staff as lists and dropdowns show them.</summary>
public sealed record StaffMember(string Id, string DisplayName, string UserName);

/// <summary>
/// The staff lists the dropdowns show, kept in memory until a user or a role grant is next saved
/// on any instance of the app (the <see cref="ChangeSignal.Staff"/> row, moved on by
/// <see cref="StaffChangeInterceptor"/>): staff change a few times a year, while the customer
/// list reads its salesperson filter on every search; one row read by its key replaces two
/// queries over the users and their roles.
/// </summary>
public sealed class StaffListCache
{
    /// <summary>Staff lists by their roles ("role,role"), and every user's name by id ("#names-by-id"), with the generation they were read at.</summary>
    public ConcurrentDictionary<string, (long Generation, object Value)> Entries { get; } = new(StringComparer.Ordinal);
}

/// <summary>Who holds which role, for the dropdowns that pick a salesperson, an advisor, an agent.</summary>
public sealed class StaffDirectory(DealerCrmDbContext db, StaffListCache cache)
{
    /// <summary>Active users holding any of the roles, by name.</summary>
    public async Task<IReadOnlyList<StaffMember>> InRolesAsync(IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var roleNames = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        return (IReadOnlyList<StaffMember>)await CachedAsync(string.Join(',', roleNames), async () => await ActiveInRolesAsync(roleNames, cancellationToken));
    }

    /// <summary>
    /// The cached value under the key while no user or role grant has been saved since, else
    /// <paramref name="read"/>'s. The generation is read before the query: a change saved
    /// meanwhile leaves the entry stale by one generation, so it is read again next time.
    /// </summary>
    private async Task<object> CachedAsync(string key, Func<Task<object>> read)
    {
        var generation = await db.ChangeSignals.AsNoTracking().Where(s => s.Name == ChangeSignal.Staff).Select(s => s.Version).FirstOrDefaultAsync();
        if (cache.Entries.TryGetValue(key, out var cached) && cached.Generation == generation)
        {
            return cached.Value;
        }

        var value = await read();
        cache.Entries[key] = (generation, value);
        return value;
    }

    private async Task<IReadOnlyList<StaffMember>> ActiveInRolesAsync(List<string> roleNames, CancellationToken cancellationToken)
    {
        return await db.Users
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && roleNames.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.UserName!))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> HoldsAnyRoleAsync(string userId, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var roleNames = roles.ToList();
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Users.Any(u => u.Id == userId && !u.IsDisabled)
            && db.Roles.Any(r => r.Id == ur.RoleId && roleNames.Contains(r.Name!)), cancellationToken);
    }

    /// <summary>The roles an active user holds (none for a disabled one).</summary>
    public async Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.UserRoles.Where(ur => ur.UserId == userId && db.Users.Any(u => u.Id == userId && !u.IsDisabled))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);

    /// <summary>Every user's display name by user id (disabled users too), for lists that show who looks after a record.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesByIdAsync(CancellationToken cancellationToken = default)
    {
        return (IReadOnlyDictionary<string, string>)await CachedAsync("#names-by-id",
            async () => await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal, cancellationToken));
    }

    /// <summary>Login names to real names, for records that keep who did it by login (created by, recorded by).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(CancellationToken cancellationToken = default) =>
        await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
}

namespace DealerCrm.Domain.Duties;

/// <summary>
/// Who supervises which duties: for each pool role, the roles that see all its duties (whoever
/// has them) and may hand them to someone else. A supervisor does not work a duty they do not
/// hold; supervising is seeing and reassigning.
/// </summary>
public sealed class DutySupervision
{
    private readonly IReadOnlyDictionary<string, string[]> _supervisorsByPool;

    public DutySupervision(IReadOnlyDictionary<string, string[]> supervisorsByPool) => _supervisorsByPool = supervisorsByPool;

    /// <summary>The same supervisors over every one of the pools.</summary>
    public static DutySupervision Of(IEnumerable<string> pools, params string[] supervisors) =>
        new(pools.Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => supervisors, StringComparer.Ordinal));

    public IEnumerable<string> Pools => _supervisorsByPool.Keys;

    public IReadOnlyList<string> SupervisorsOf(string pool) => _supervisorsByPool.TryGetValue(pool, out var roles) ? roles : [];

    /// <summary>The pools whose duties someone holding these roles supervises.</summary>
    public IReadOnlyList<string> PoolsSupervisedBy(IEnumerable<string> roles)
    {
        var held = roles as IReadOnlyCollection<string> ?? roles.ToList();
        return _supervisorsByPool.Where(p => p.Value.Any(held.Contains)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
    }
}

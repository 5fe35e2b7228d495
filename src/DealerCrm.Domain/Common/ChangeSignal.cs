namespace DealerCrm.Domain.Common;

/// <summary>
/// A counter in the database that moves on whenever something cached in memory changes, so that
/// every instance of the app (behind a load balancer, on one database) knows its copy is out of
/// date: a cheap read of one row by its key instead of reading the cached data again.
/// </summary>
public sealed class ChangeSignal
{
    /// <summary>Users and their role grants (the staff lists of the dropdowns).</summary>
    public const string Staff = "Staff";

    private ChangeSignal()
    {
    }

    public string Name { get; private set; } = "";

    public long Version { get; private set; }
}

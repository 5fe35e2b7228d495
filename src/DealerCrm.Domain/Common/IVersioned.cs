namespace DealerCrm.Domain.Common;

/// <summary>
/// An application-managed concurrency token: bumped on every update and checked in the
/// UPDATE's WHERE clause, so a lost update is detected on SQLite and SQL Server alike
/// (SQLite has no rowversion).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// Tunes the context's SQLite connection for a long bulk write and puts it back afterwards,
/// since the connection then returns to the pool for web requests. A page cache of 256 MB
/// instead of 2 MB keeps the task table's dozen indexes in memory, and a WAL of up to 20,000
/// pages between checkpoints stops SQLite copying the same index pages back to the file after
/// every batch (the follow-up job's first run on a 100k-customer dealership: 53 s without,
/// 39 s with). Durability is unchanged (synchronous stays as it was). SQLite's process-wide
/// soft heap limit (<see cref="SqliteMemory"/>) is lifted meanwhile. Does nothing elsewhere.
/// </summary>
public sealed class SqliteBulkWrite : IAsyncDisposable
{
    private const string Tuned = "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 20000;";

    // SQLite's own defaults, which every other connection of the pool runs with.
    private const string Defaults = "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;";

    private readonly DatabaseFacade? _database;

    private SqliteBulkWrite(DatabaseFacade? database) => _database = database;

    public static async Task<SqliteBulkWrite> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return new SqliteBulkWrite(null);
        }

        await database.OpenConnectionAsync(cancellationToken);
        await database.ExecuteSqlRawAsync(Tuned, cancellationToken);
        SqliteMemory.BeginBulkWrite();
        return new SqliteBulkWrite(database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is null)
        {
            return;
        }

        try
        {
            await _database.ExecuteSqlRawAsync(Defaults);
            await _database.CloseConnectionAsync();
        }
        finally
        {
            SqliteMemory.EndBulkWrite();
        }
    }
}

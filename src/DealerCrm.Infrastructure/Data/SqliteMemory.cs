namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// Bounds the memory SQLite's page caches take in this process (bench/Memory). Every pooled
/// connection keeps its own cache of up to 2 MB, and under load the pool holds a connection per
/// request in flight: about 37 MB of SQLite heap at 16 concurrent requests, out of a 300 MB
/// budget for the whole site. Those caches hold little of a database of hundreds of MB anyway;
/// the operating system's file cache keeps its hot pages once for every connection. With the
/// soft limit reached, a connection reuses its own cached pages instead of allocating more.
/// A bulk write (<see cref="SqliteBulkWrite"/>) lifts the limit while it runs, since its large
/// cache is what makes it fast.
/// </summary>
public static class SqliteMemory
{
    /// <summary>All connections' page caches together, in bytes, outside bulk writes.</summary>
    public const long SoftLimitBytes = 16L * 1024 * 1024;

    private static int _bulkWrites;

    /// <summary>Sets the process-wide soft heap limit; call once SQLite is initialised (a connection has opened).</summary>
    public static void Limit() => SQLitePCL.raw.sqlite3_soft_heap_limit64(Volatile.Read(ref _bulkWrites) > 0 ? 0 : SoftLimitBytes);

    internal static void BeginBulkWrite()
    {
        if (Interlocked.Increment(ref _bulkWrites) == 1)
        {
            SQLitePCL.raw.sqlite3_soft_heap_limit64(0);
        }
    }

    internal static void EndBulkWrite()
    {
        if (Interlocked.Decrement(ref _bulkWrites) == 0)
        {
            SQLitePCL.raw.sqlite3_soft_heap_limit64(SoftLimitBytes);
        }
    }
}

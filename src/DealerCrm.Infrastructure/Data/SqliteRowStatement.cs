using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// One prepared statement on SQLite's own handle, run row after row with its values bound by
/// position. Microsoft.Data.Sqlite binds every parameter by name, a linear search of the
/// statement's names for each value; at a million rows of two dozen columns that search, and
/// the wrapper around each call, cost a third of the insert. Values are stored exactly as
/// Microsoft.Data.Sqlite stores them (the round-trip test compares the two byte for byte);
/// a type not listed here is refused rather than guessed.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
    }

    /// <summary>Whether values of this provider type can be bound here.</summary>
    public static bool Binds(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(byte) || type == typeof(short) || type == typeof(int)
        || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(DateTime) || type == typeof(DateOnly)
        || type == typeof(decimal) || type == typeof(byte[]);

    public void Execute(object?[] values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(i + 1, values[i]);
            }

            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(int index, object? value)
    {
        var result = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            float number => raw.sqlite3_bind_double(_statement, index, number),
            DateTime time => raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            decimal number => raw.sqlite3_bind_text(_statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException($"{value.GetType().Name} values are not bound by {nameof(SqliteRowStatement)}."),
        };
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    public void Dispose() => _statement.Dispose();
}

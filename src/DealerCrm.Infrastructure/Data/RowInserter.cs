using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// Inserts many new rows of one entity type with one prepared INSERT built from the EF model:
/// table and column names, each value passed through the property's value converter and the
/// provider's type mapping, so the rows are the ones SaveChanges would write. It skips the change
/// tracker (over three times the cost of the insert itself for a plain row), so it is for bulk
/// writers that need neither interceptors nor generated keys back: the follow-up job's new tasks,
/// and the benchmark's data generator, which gives the keys itself (<c>withKeys</c>) and sets
/// foreign keys the domain only sets through navigations (<see cref="Set"/>).
/// Runs inside the context's current transaction, which the caller must begin.
/// On SQLite the statement runs on the database's own handle (<see cref="SqliteRowStatement"/>);
/// elsewhere through ADO.NET parameters. (Multi-row VALUES measured slower on SQLite.)
/// </summary>
public sealed class RowInserter<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueConverter?[] _converters;
    private readonly object?[] _values;
    private readonly IProperty[] _properties;
    private readonly object?[] _overrides;
    private readonly bool[] _overridden;
    private readonly SqliteRowStatement? _sqlite;

    /// <param name="db">The context, in a transaction.</param>
    /// <param name="withKeys">Write store-generated keys too (given with <see cref="Set"/>) instead of letting the database number the rows.</param>
    public RowInserter(DbContext db, bool withKeys = false)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction before inserting rows.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        // Unless told otherwise, the database numbers the rows (identity / autoincrement keys are left out).
        IProperty[] properties = [.. entityType.GetProperties().Where(p => withKeys || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))];
        _properties = properties;
        _overrides = new object?[properties.Length];
        _overridden = new bool[properties.Length];
        _getters = [.. properties.Select(p => p.GetGetter())];
        _converters = [.. properties.Select(p => p.GetTypeMapping().Converter)];
        _parameters = new DbParameter[properties.Length];
        _values = new object?[properties.Length];

        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var values = string.Join(", ", properties.Select((_, i) => "@p" + i));
#pragma warning disable CA2100 // Table and column names come from the EF model; values are parameters.
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({columns}) VALUES ({values})";
#pragma warning restore CA2100
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
            _parameters[i] = mapping.CreateParameter(_command, "@p" + i, null, properties[i].IsNullable);
            _command.Parameters.Add(_parameters[i]);
        }

        if (transaction.Connection is SqliteConnection sqlite
            && properties.All(p => SqliteRowStatement.Binds(p.GetTypeMapping().Converter?.ProviderClrType ?? Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
        {
            _sqlite = new SqliteRowStatement(sqlite, _command.CommandText);
        }
    }

    /// <summary>Rows written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Gives the next row's value of <paramref name="property"/> (a key, a navigation-only foreign key).</summary>
    public void Set(string property, object? value)
    {
        var index = Array.FindIndex(_properties, p => p.Name == property);
        if (index < 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no column for {property}.", nameof(property));
        }

        _overrides[index] = value;
        _overridden[index] = true;
    }

    public async Task InsertAsync(IEnumerable<T> entities, CancellationToken cancellationToken)
    {
        foreach (var entity in entities)
        {
            await InsertAsync(entity, cancellationToken);
        }
    }

    public async ValueTask InsertAsync(T entity, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _overridden[i] ? _overrides[i] : _getters[i].GetClrValueUsingContainingEntity(entity);
            if (value is not null && _converters[i] is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            _values[i] = value;
            _overridden[i] = false;
        }

        if (_sqlite is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _sqlite.Execute(_values);
        }
        else
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].Value = _values[i] ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        Count++;
    }

    public ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        return _command.DisposeAsync();
    }
}

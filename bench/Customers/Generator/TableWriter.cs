using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DealerCrm.Bench.Customers.Generator;

/// <summary>
/// Inserts entities of one type with a single prepared INSERT, built from the app's EF model:
/// the table and column names, and each value turned into what EF itself would send (the
/// property's value converter and the provider's parameter type mapping). So the rows are the
/// ones SaveChanges would write, without change tracking and without the app's interceptors.
/// Store-generated keys are given explicitly (<see cref="Set"/>), as are foreign keys the
/// domain only sets through navigations.
/// </summary>
internal sealed class TableWriter<T> : ITableWriter, IDisposable
    where T : class
{
    private readonly SqliteCommand _command;
    private readonly IProperty[] _properties;
    private readonly DbParameter[] _parameters;
    private readonly object?[] _overrides;
    private readonly bool[] _overridden;

    public TableWriter(DbContext db, SqliteConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        _properties = [.. entityType.GetProperties()];
        _parameters = new DbParameter[_properties.Length];
        _overrides = new object?[_properties.Length];
        _overridden = new bool[_properties.Length];
        Table = table;

        _command = connection.CreateCommand();
        var columns = string.Join(", ", _properties.Select(p => "\"" + p.GetColumnName(store) + "\""));
        var values = string.Join(", ", _properties.Select((_, i) => "$p" + i));
#pragma warning disable CA2100 // Table and column names come from the EF model, values are parameters.
        _command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({values})";
#pragma warning restore CA2100
        for (var i = 0; i < _properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)_properties[i].GetTypeMapping();
            _parameters[i] = mapping.CreateParameter(_command, "$p" + i, null, _properties[i].IsNullable);
            _command.Parameters.Add(_parameters[i]);
        }
    }

    public string Table { get; }

    public int Count { get; private set; }

    public void Begin(SqliteTransaction transaction) => _command.Transaction = transaction;

    /// <summary>Gives the next row's value of <paramref name="property"/> (a store-generated key, a navigation-only foreign key).</summary>
    public void Set(string property, object? value)
    {
        var index = Array.FindIndex(_properties, p => p.Name == property);
        if (index < 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property));
        }

        _overrides[index] = value;
        _overridden[index] = true;
    }

    public void Insert(T entity)
    {
        for (var i = 0; i < _properties.Length; i++)
        {
            var property = _properties[i];
            var value = _overridden[i] ? _overrides[i] : property.GetGetter().GetClrValueUsingContainingEntity(entity);
            var converter = property.GetTypeMapping().Converter;
            if (value is not null && converter is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            _parameters[i].Value = value ?? DBNull.Value;
            _overridden[i] = false;
        }

        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}

internal interface ITableWriter
{
    string Table { get; }

    int Count { get; }

    void Begin(SqliteTransaction transaction);
}

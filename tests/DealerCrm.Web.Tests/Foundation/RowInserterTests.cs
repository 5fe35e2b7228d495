using System.Data.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// The bulk writer binds values on SQLite's own handle, by position: what it stores must be what
/// EF's SaveChanges stores, byte for byte, or queries comparing dates as text would go wrong.
/// </summary>
public sealed class RowInserterTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task A_row_written_by_the_inserter_is_stored_exactly_as_SaveChanges_stores_it()
    {
        var (byEf, byInserter) = (Task("Test:EF"), Task("Test:Inserter"));
        byEf.Tidy(new Domain.Settings.FollowUpPolicy(), byEf.DueUtc.AddDays(3));
        byInserter.Tidy(new Domain.Settings.FollowUpPolicy(), byInserter.DueUtc.AddDays(3));

        await factory.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(byEf);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var rows = new RowInserter<FollowUpTask>(db))
            {
                await rows.InsertAsync([byInserter], CancellationToken.None);
            }

            await transaction.CommitAsync();
        });

        var stored = await StoredAsync("Test:EF", "Test:Inserter");
        Assert.Equal(stored["Test:EF"], stored["Test:Inserter"]);
        // The round trip itself: the values read back are the values written.
        var readBack = await factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Key == "Test:Inserter"));
        Assert.Equal((byInserter.DueUtc, byInserter.ExpiresUtc, byInserter.OccasionDate, byInserter.CreatedUtc, byInserter.IsOverdue, byInserter.Kind),
            (readBack.DueUtc, readBack.ExpiresUtc, readBack.OccasionDate, readBack.CreatedUtc, readBack.IsOverdue, readBack.Kind));
    }

    [Fact]
    public async Task A_key_already_on_file_fails_the_insert_as_a_database_error()
    {
        await factory.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(Task("Test:Twice"));
            await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAnyAsync<DbException>(() => factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var rows = new RowInserter<FollowUpTask>(db);
            await rows.InsertAsync([Task("Test:Twice")], CancellationToken.None);
        }));
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A task with a value in every column it can have one in; one time has ticks, one whole seconds.</summary>
    private FollowUpTask Task(string key)
    {
        var customer = factory.WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).GetAwaiter().GetResult();
        var due = new DateTime(2026, 3, 1, 1, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        return new FollowUpTask(new PlannedTask(key, FollowUpKind.SecondCall, customer, new DateOnly(2026, 2, 22), due, due.AddDays(7),
            Roles.CsAgent, null, ExcludedUserId: "someone-excluded", VehicleId: 1, DeliveryId: 1, ServiceVisitId: 1, FamilyMemberId: 1),
            new DateTime(2026, 2, 22, 8, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>Every column but the id and the key, as SQLite holds it: storage class and value.</summary>
    private Task<Dictionary<string, string>> StoredAsync(params string[] keys) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT name FROM pragma_table_info('FollowUpTasks') WHERE name NOT IN ('Id', 'Key')";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var rows = connection.CreateCommand();
        rows.CommandText = $"SELECT \"Key\", {string.Join(" || '|' || ", names.Select(n => $"'{n}=' || typeof(\"{n}\") || ':' || quote(\"{n}\")"))} FROM FollowUpTasks WHERE \"Key\" IN ({string.Join(", ", keys.Select(k => $"'{k}'"))})";
        var stored = new Dictionary<string, string>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return stored;
    });
}

using DealerCrm.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class DatabaseTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQLite model has changes without a migration.");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQL Server model has changes without a migration.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void The_sql_server_scripts_generate_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var create = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [AspNetUsers]", create);
        Assert.Contains("CREATE TABLE [AuditEntries]", create);

        var idempotent = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", idempotent);
        Assert.Contains("__EFMigrationsHistory", idempotent);
    }

    /// <summary>
    /// A database created by an older version keeps its rows when the newest migrations run.
    /// Each schema change adds the rows its predecessor could hold to <see cref="RowsAtMigration"/>.
    /// </summary>
    [Fact]
    public async Task A_database_migrated_by_an_older_version_keeps_its_rows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dealercrm-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteDealerCrmDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new SqliteDealerCrmDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                foreach (var migration in db.Database.GetMigrations())
                {
                    await migrator.MigrateAsync(migration);
                    if (RowsAtMigration.TryGetValue(migration[15..], out var sql))
                    {
                        await db.Database.ExecuteSqlRawAsync(sql);
                    }
                }
            }

            await using (var db = new SqliteDealerCrmDbContext(options))
            {
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var user = await db.Users.SingleAsync(u => u.UserName == "old-user");
                Assert.Equal("老用户", user.DisplayName);
                Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), user.CreatedUtc);
                Assert.Equal(DateTimeKind.Utc, user.CreatedUtc.Kind);
                Assert.Single(await db.AuditEntries.Where(a => a.EntityId == "old-user-id").ToListAsync());

                var customer = await db.Customers.Include(c => c.Family).SingleAsync(c => c.Number == "C2026000001");
                Assert.Equal("老客户", customer.Name);
                Assert.Equal("13812345678", customer.Mobile);
                Assert.Equal(new DateOnly(1980, 2, 29), customer.Birthday);
                var member = Assert.Single(customer.Family);
                Assert.Equal("老家人", member.Name);
                Assert.Equal(customer.CreatedUtc, member.CreatedUtc);
                var vehicle = await db.Vehicles.SingleAsync(v => v.CustomerId == customer.Id);
                Assert.Equal("1M8GDM9AXKP042788", vehicle.Vin);
                var delivery = await db.Deliveries.SingleAsync(d => d.VehicleId == vehicle.Id);
                Assert.Equal(12880000, delivery.Price.Fen);
                var task = await db.FollowUpTasks.SingleAsync(t => t.Key == "FirstCall:D1");
                Assert.Equal(Domain.FollowUps.FollowUpStatus.Done, task.Status);
                Assert.Equal("旧模板 {客户姓名}", (await db.LetterTemplates.SingleAsync()).Body);
                // The working calendar's default schedules reach an upgraded database too.
                Assert.Equal(Domain.Calendar.ChineseHolidaySchedules.Defaults.Count, await db.CalendarDays.CountAsync());
                Assert.Equal(Domain.Calendar.CalendarDayKind.MakeUpWorkday, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 10, 10))).Kind);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>Rows written right after a migration (by name, without its timestamp), in that migration's schema.</summary>
    private static readonly Dictionary<string, string> RowsAtMigration = new()
    {
        ["InitialCreate"] = """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, DisplayName, IsDisabled, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ('old-user-id', 'old-user', 'OLD-USER', '老用户', 0, '2026-01-02 03:04:05', 0, 0, 0, 1, 0);
            INSERT INTO AuditEntries (AtUtc, UserId, UserName, EntityType, EntityId, Action, ChangesJson)
            VALUES ('2026-01-02 03:04:05', NULL, 'system', 'AppUser', 'old-user-id', 1, '[]');
            """,
        ["CustomerFiles"] = """
            INSERT INTO Customers (Id, Version, Number, Kind, Name, Gender, Birthday, Mobile, MobileSearchKey, PurchasePurpose, Source, ContactGender, SalespersonId, CreatedUtc, CreatedBy)
            VALUES (1, 0, 'C2026000001', 1, '老客户', 1, '1980-02-29', '13812345678', '87654321831', 1, 1, 0, 'old-user-id', '2026-01-02 03:04:05', 'old-user');
            INSERT INTO FamilyMembers (Id, Version, CustomerId, Name, Relation, Gender, Birthday) VALUES (1, 0, 1, '老家人', 1, 2, '1982-05-01');
            INSERT INTO Vehicles (Id, Version, CustomerId, Vin, VinSearchKey, Brand, Model, RegistrationStatus, CreatedUtc)
            VALUES (1, 0, 1, '1M8GDM9AXKP042788', '887240PKXA9MDG8M1', '丰田', '凯美瑞', 2, '2026-01-02 03:04:05');
            INSERT INTO Deliveries (Id, Version, VehicleId, CustomerId, DeliveredAtUtc, SalespersonId, Price, PaymentMethod, RecordedUtc, RecordedBy)
            VALUES (1, 0, 1, 1, '2026-01-02 03:04:05', 'old-user-id', 12880000, 1, '2026-01-02 03:04:05', 'old-user');
            """,
        ["FollowUps"] = """
            INSERT INTO FollowUpTasks (Id, Version, Key, Kind, CustomerId, DeliveryId, OccasionDate, DueUtc, ActionableFromUtc, OwnerRole, OwnerUserId, Status, IsOverdue, Attempts, CompletedUtc, CustomerUnhappy, CreatedUtc)
            VALUES (1, 0, 'FirstCall:D1', 2, 1, 1, '2026-01-02', '2026-01-03 03:04:05', '2026-01-02 03:04:05', 'SalesManager', 'old-user-id', 1, 0, 1, '2026-01-02 09:00:00', 0, '2026-01-02 03:04:05');
            """,
        ["LetterTemplates"] = """
            INSERT INTO LetterTemplates (Id, Version, Body, UpdatedUtc, UpdatedBy) VALUES (1, 0, '旧模板 {{客户姓名}}', '2026-01-02 03:04:05', 'old-user');
            """,
    };
}

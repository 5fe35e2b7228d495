using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Database;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the database up to date before the site takes requests: SQLite is always migrated
    /// (it is the embedded default); SQL Server only with Database:MigrateOnStartup, since
    /// production servers are migrated by the DBA with the generated script or bundle.
    /// Then the roles exist, the first administrator exists, and in demo mode the demo dealership.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var settings = services.GetRequiredService<DatabaseSettings>();
        var db = services.GetRequiredService<DealerCrmDbContext>();

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            // WAL lets readers work while the follow-up job writes; the setting sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            SqliteMemory.Limit();
        }
        else if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await db.Database.MigrateAsync();
        }

        await services.GetRequiredService<IdentitySeeder>().SeedAsync();
        if (DemoMode.IsOn(app.Environment, app.Configuration))
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        // Unhappy customers recorded on calls before complaints existed become complaints (once).
        await services.GetRequiredService<Pages.Complaints.UnhappyCallBackfill>().RunAsync(CancellationToken.None);
    }
}

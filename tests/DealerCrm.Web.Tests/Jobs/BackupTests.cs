using System.Diagnostics;
using DealerCrm.Domain.Privacy;
using DealerCrm.Web.Infrastructure.Backups;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Jobs;

/// <summary>The backup job switched off, so each test runs it by hand; three backups kept.</summary>
public sealed class BackupFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Backup"] = "false",
        ["Policies:Backup:BackupsKept"] = "3",
        ["Policies:Backup:BackupHour"] = "2",
    };

    public async Task<BackupFile?> BackUpAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackupJob>().RunOnceAsync(CancellationToken.None);
    }

    public string BackupDirectory => Path.Combine(DataDirectory, "backups");
}

/// <summary>
/// The nightly backup: an online copy taken while the site writes, restored with the documented
/// script into a fresh folder, holds every row committed before it began; it runs once a local
/// day from its hour and keeps the set number of files. Time from the fake clock.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_writes_go_on_restores_with_every_row()
    {
        using var factory = new BackupFactory();
        _ = factory.Server;
        var committed = new List<long>();
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        // A writer that goes on saving rows, through the app's own DbContext, until told to stop.
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = factory.Scope(out var db);
                var entry = new PrivacyLogEntry(factory.Time.GetUtcNow().UtcDateTime, null, "backup-test", PrivacyAction.Import, null, null, "writer", 1);
                db.PrivacyLog.Add(entry);
                await db.SaveChangesAsync();
                lock (committed)
                {
                    committed.Add(entry.Id);
                }

                firstWrite.TrySetResult();
            }
        });

        await firstWrite.Task.WaitAsync(TimeSpan.FromMinutes(1));
        List<long> before;
        lock (committed)
        {
            before = [.. committed];
        }

        var backup = await factory.BackUpAsync();
        List<long> after;
        lock (committed)
        {
            after = [.. committed];
        }

        await stop.CancelAsync();
        await writer;
        Assert.NotNull(backup);
        Assert.True(backup.SizeBytes > 0);

        var restoredFolder = Path.Combine(factory.DataDirectory, "restored");
        var script = await RunAsync("bash", Path.Combine(RepositoryPaths.Root, "scripts", "restore-backup.sh"), backup.Path, restoredFolder);
        Assert.True(script.ExitCode == 0, script.Output);

        var restored = new SqliteConnectionStringBuilder { DataSource = Path.Combine(restoredFolder, "dealercrm.db"), Pooling = false }.ToString();
        await using var connection = new SqliteConnection(restored);
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(connection, "PRAGMA integrity_check"));
        var restoredIds = new HashSet<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM PrivacyLog WHERE UserName = 'backup-test'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                restoredIds.Add(reader.GetInt64(0));
            }
        }

        // Every row committed before the backup began is in it; nothing is in it that was never committed.
        Assert.Subset(restoredIds, new HashSet<long>(before));
        Assert.Subset(new HashSet<long>(after), restoredIds);
        await using var live = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.DatabasePath }.ToString());
        await live.OpenAsync();
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "Customers", "Vehicles", "CalendarDays" })
        {
            Assert.Equal(await ScalarAsync<long>(live, $"SELECT COUNT(*) FROM {table}"), await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task The_backup_runs_once_a_local_day_from_its_hour_and_keeps_the_set_number()
    {
        using var factory = new BackupFactory();
        _ = factory.Server;

        // Monday 10:00 local, after the 02:00 hour: today's backup is due, once.
        var first = await factory.BackUpAsync();
        Assert.NotNull(first);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, first.TakenUtc);
        Assert.Null(await factory.BackUpAsync());

        // Tuesday 01:00 local: before the hour, nothing; 03:00: the day's backup.
        factory.Time.Advance(TimeSpan.FromHours(15));
        Assert.Null(await factory.BackUpAsync());
        factory.Time.Advance(TimeSpan.FromHours(2));
        Assert.NotNull(await factory.BackUpAsync());

        for (var day = 0; day < 3; day++)
        {
            factory.Time.Advance(TimeSpan.FromDays(1));
            Assert.NotNull(await factory.BackUpAsync());
        }

        var files = Directory.GetFiles(factory.BackupDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dealercrm-20261124T190000Z.db", "dealercrm-20261125T190000Z.db", "dealercrm-20261126T190000Z.db"], files);

        using var admin = await SiteClient.SignedInAsync(factory, "Admin");
        var html = await admin.GetHtmlAsync("/Admin/Jobs");
        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-testid='last-backup']")!.TextContent;
        Assert.Contains("2026年11月27日 03:00", shown, StringComparison.Ordinal);
        Assert.Contains("dealercrm-20261126T190000Z.db", shown, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

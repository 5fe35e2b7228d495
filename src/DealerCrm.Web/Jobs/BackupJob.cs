using System.Diagnostics;
using DealerCrm.Domain.Backups;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// Once a local day, from <see cref="BackupPolicy.BackupHour"/> on, copies the embedded SQLite
/// database with SQLite's online backup API (one consistent snapshot while the site goes on
/// writing) to a dated file in the <see cref="BackupFolder"/>, then deletes all but the newest
/// <see cref="BackupPolicy.BackupsKept"/>. The file is written under a temporary name and
/// renamed when complete, so a crash never leaves a half backup that looks whole, and a second
/// instance finds today's file and does nothing. On SQL Server the job does nothing: backups
/// there are the DBA's.
/// </summary>
public sealed class BackupJob(
    DatabaseSettings database,
    BackupFolder folder,
    DealershipClock clock,
    IOptions<BackupPolicy> policy,
    ILogger<BackupJob> logger) : IPeriodicJob
{
    public const string Name = "Backup";

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>The backup written, or null when none was due (or the database is SQL Server).</summary>
    public Task<BackupFile?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return Task.FromResult<BackupFile?>(null);
        }

        var last = folder.Latest();
        if (!BackupSchedule.IsDue(clock.LocalNow, last is null ? null : clock.LocalDateOf(last.TakenUtc), policy.Value.BackupHour))
        {
            return Task.FromResult<BackupFile?>(null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var written = Write(clock.UtcNow);
        Prune();
        return Task.FromResult(written);
    }

    private BackupFile? Write(DateTime takenUtc)
    {
        Directory.CreateDirectory(folder.Path);
        var target = Path.Combine(folder.Path, BackupSchedule.FileName(takenUtc));
        // A name of its own: two instances backing up at the same moment never write one file together.
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        var started = Stopwatch.GetTimestamp();
        try
        {
            using (var source = new SqliteConnection(database.ConnectionString))
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                source.Open();
                destination.Open();
                // One step of all pages: a single read snapshot, so writes meanwhile are either wholly in or wholly out.
                source.BackupDatabase(destination);
            }

            File.Move(partial, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another instance wrote this very backup at the same moment: keep theirs.
            File.Delete(partial);
            return null;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        var size = new FileInfo(target).Length;
        logger.LogInformation("Backup {File} written: {Bytes} bytes in {Milliseconds} ms",
            Path.GetFileName(target), size, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BackupFile(target, takenUtc, size);
    }

    private void Prune()
    {
        foreach (var name in BackupSchedule.ToDelete(folder.List().Select(f => Path.GetFileName(f.Path)), policy.Value.BackupsKept))
        {
            File.Delete(Path.Combine(folder.Path, name));
            logger.LogInformation("Backup {File} deleted: more than {Kept} kept", name, policy.Value.BackupsKept);
        }
    }
}

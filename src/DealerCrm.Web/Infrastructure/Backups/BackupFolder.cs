using DealerCrm.Domain.Backups;
using DealerCrm.Web.Infrastructure.Startup;

namespace DealerCrm.Web.Infrastructure.Backups;

/// <summary>One backup file: when it was taken (from its name) and how big it is.</summary>
public sealed record BackupFile(string Path, DateTime TakenUtc, long SizeBytes);

/// <summary>
/// Where the nightly backups go: the <c>Backups:Directory</c> setting (absolute, or relative to
/// the data folder), <c>backups</c> in the data folder by default.
/// </summary>
public sealed class BackupFolder(DataPaths paths, IConfiguration configuration)
{
    public string Path { get; } = System.IO.Path.GetFullPath(
        string.IsNullOrWhiteSpace(configuration["Backups:Directory"]) ? "backups" : configuration["Backups:Directory"]!, paths.Root);

    /// <summary>Every backup file, the newest first.</summary>
    public IReadOnlyList<BackupFile> List()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        return new DirectoryInfo(Path).EnumerateFiles(BackupSchedule.FilePrefix + "*" + BackupSchedule.FileSuffix)
            .Select(f => BackupSchedule.TakenAt(f.Name) is { } taken ? new BackupFile(f.FullName, taken, f.Length) : null)
            .OfType<BackupFile>()
            .OrderByDescending(f => f.TakenUtc)
            .ToList();
    }

    public BackupFile? Latest() => List() is { Count: > 0 } files ? files[0] : null;
}

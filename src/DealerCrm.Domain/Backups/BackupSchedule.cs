using System.Globalization;

namespace DealerCrm.Domain.Backups;

/// <summary>
/// When the nightly backup is due and what its files are called. A backup file is named by the
/// UTC instant it was taken (<c>dealercrm-20261123T183000Z.db</c>), so names sort by age and
/// every instance of the app reads the same time from them.
/// </summary>
public static class BackupSchedule
{
    public const string FilePrefix = "dealercrm-";

    public const string FileSuffix = ".db";

    private const string InstantFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string FileName(DateTime takenUtc) =>
        FilePrefix + takenUtc.ToString(InstantFormat, CultureInfo.InvariantCulture) + FileSuffix;

    /// <summary>The UTC instant a backup file was taken at, or null for a file that is not one of ours.</summary>
    public static DateTime? TakenAt(string fileName)
    {
        if (!fileName.StartsWith(FilePrefix, StringComparison.Ordinal) || !fileName.EndsWith(FileSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var instant = fileName[FilePrefix.Length..^FileSuffix.Length];
        return DateTime.TryParseExact(instant, InstantFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var taken)
            ? DateTime.SpecifyKind(taken, DateTimeKind.Utc)
            : null;
    }

    /// <summary>
    /// Today's backup is due from <paramref name="backupHour"/> local time on, unless one was
    /// already taken today (local day of the last backup).
    /// </summary>
    public static bool IsDue(DateTime localNow, DateOnly? lastBackupLocalDay, int backupHour) =>
        localNow.Hour >= backupHour && lastBackupLocalDay != DateOnly.FromDateTime(localNow);

    /// <summary>The backups to delete: all but the newest <paramref name="kept"/> (at least one is always kept).</summary>
    public static IReadOnlyList<string> ToDelete(IEnumerable<string> fileNames, int kept) =>
        fileNames.Where(n => TakenAt(n) is not null)
            .OrderByDescending(n => TakenAt(n))
            .Skip(Math.Max(1, kept))
            .ToList();
}

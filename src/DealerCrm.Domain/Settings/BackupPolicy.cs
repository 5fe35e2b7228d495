namespace DealerCrm.Domain.Settings;

/// <summary>The nightly backup of the embedded SQLite database (on SQL Server backups are the DBA's).</summary>
public sealed class BackupPolicy
{
    public const string Section = "Policies:Backup";

    /// <summary>The backup of a local day is written from this local hour on (once a day).</summary>
    public int BackupHour { get; set; } = 2;

    /// <summary>How many backup files are kept; the oldest beyond this number are deleted.</summary>
    public int BackupsKept { get; set; } = 14;

    /// <summary>How often the backup job looks whether today's backup is due.</summary>
    public int BackupJobIntervalMinutes { get; set; } = 15;
}

namespace DealerCrm.Domain.Lounge;

public enum LoungeCheckKind
{
    /// <summary>An item looked at: fine or violated.</summary>
    Check = 0,

    /// <summary>One cleaning of a counted item, at its time.</summary>
    Cleaning = 1,

    /// <summary>Written by the end-of-day job: a counted item short of its daily minimum.</summary>
    Shortfall = 2,
}

/// <summary>
/// One record on a day's sheet: a check of an item (fine or violated, with a note and maybe a
/// photo), a cleaning of a counted item, or an end-of-day shortfall. A violation names the staff
/// member responsible; its fine points back here. <see cref="Key"/> is unique: the tablet sends
/// one per tick, so a check re-sent after a dropped connection is recorded once.
/// </summary>
public sealed class LoungeCheck
{
    public const int NoteMaxLength = 500;
    public const int KeyMaxLength = 64;

    private LoungeCheck()
    {
    }

    private LoungeCheck(LoungeSheet sheet, LoungeItem item, string key, LoungeCheckKind kind, DateTime atUtc, string? recordedByUserId)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > KeyMaxLength)
        {
            throw new ArgumentException($"A check's key is 1 to {KeyMaxLength} characters.", nameof(key));
        }

        sheet.EnsureOpen();
        SheetId = sheet.Id;
        Sheet = sheet;
        ItemId = item.Id;
        Key = key;
        Kind = kind;
        AtUtc = atUtc;
        RecordedByUserId = recordedByUserId;
    }

    public long Id { get; private set; }

    public long SheetId { get; private set; }

    public LoungeSheet? Sheet { get; private set; }

    public int ItemId { get; private set; }

    public string Key { get; private set; } = "";

    public LoungeCheckKind Kind { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>Who recorded it (null for the job's shortfalls).</summary>
    public string? RecordedByUserId { get; private set; }

    public bool IsViolation { get; private set; }

    /// <summary>The staff member a violation is charged to.</summary>
    public string? ResponsibleUserId { get; private set; }

    public int? ButtCount { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The stored photo's file name (in the data folder, never under wwwroot).</summary>
    public string? PhotoFile { get; private set; }

    public string? PhotoContentType { get; private set; }

    /// <summary>A check of an item, found fine or violated. A butt count over the limit is a violation whatever was ticked.</summary>
    public static LoungeCheck Checked(LoungeSheet sheet, LoungeItem item, string key, DateTime atUtc, string byUserId, bool violated, string? responsibleUserId, string? note, int? buttCount, int maxButts)
    {
        var check = new LoungeCheck(sheet, item, key, LoungeCheckKind.Check, atUtc, byUserId);
        check.Set(item, violated, responsibleUserId, note, buttCount, maxButts);
        return check;
    }

    /// <summary>One cleaning of a counted item. For the ashtray the butts found are noted, and more than allowed is a violation.</summary>
    public static LoungeCheck Cleaned(LoungeSheet sheet, LoungeItem item, string key, DateTime atUtc, string byUserId, string? responsibleUserId, string? note, int? buttCount, int maxButts)
    {
        if (!item.IsCounted)
        {
            throw new InvalidOperationException("Only a counted item is logged as cleanings.");
        }

        var check = new LoungeCheck(sheet, item, key, LoungeCheckKind.Cleaning, atUtc, byUserId);
        check.Set(item, false, responsibleUserId, note, buttCount, maxButts);
        return check;
    }

    /// <summary>The end of the day found the item short of its minimum: a violation of the attendant.</summary>
    public static LoungeCheck Shortfall(LoungeSheet sheet, LoungeItem item, DateTime atUtc, string attendantUserId, int done, int minimum) =>
        new(sheet, item, ShortfallKey(sheet.Day, item.Id), LoungeCheckKind.Shortfall, atUtc, null)
        {
            IsViolation = true,
            ResponsibleUserId = attendantUserId,
            Note = $"{done}/{minimum}",
        };

    /// <summary>One shortfall per item and day, whatever runs the job twice.</summary>
    public static string ShortfallKey(DateOnly day, int itemId) => $"Shortfall:{day:yyyy-MM-dd}:{itemId}";

    public void AttachPhoto(string file, string contentType)
    {
        PhotoFile = file;
        PhotoContentType = contentType;
    }

    private void Set(LoungeItem item, bool violated, string? responsibleUserId, string? note, int? buttCount, int maxButts)
    {
        if (item.RecordsButts != buttCount.HasValue)
        {
            throw new ArgumentException(item.RecordsButts ? "The ashtray's record needs the butt count." : "Only the ashtray counts butts.", nameof(buttCount));
        }

        if (buttCount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(buttCount));
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > NoteMaxLength })
        {
            throw new ArgumentException($"A note is at most {NoteMaxLength} characters.", nameof(note));
        }

        IsViolation = LoungeRules.IsViolation(violated, buttCount, maxButts);
        if (IsViolation && string.IsNullOrEmpty(responsibleUserId))
        {
            throw new ArgumentException("A violation names the staff member responsible.", nameof(responsibleUserId));
        }

        ResponsibleUserId = IsViolation ? responsibleUserId : null;
        ButtCount = buttCount;
        Note = trimmed;
    }
}

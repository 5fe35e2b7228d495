using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Notifications;

/// <summary>What a notice is about; lists can filter or style by it.</summary>
public enum NotificationKind
{
    /// <summary>A manager gave one of their follow-up tasks to the recipient.</summary>
    TaskReassigned = 1,

    /// <summary>The day's overdue follow-up tasks of the people the recipient manages.</summary>
    OverdueDigest = 2,

    /// <summary>A lounge violation fined the recipient (issue 14's numbers, clear of other features').</summary>
    LoungeFine = 14,

    /// <summary>A survey answer at or below the alert threshold raised a hot alert (numbered after issue 15).</summary>
    HotAlertRaised = 151,

    /// <summary>A hot alert passed its deadline unresolved.</summary>
    HotAlertOverdue = 152,

    /// <summary>A complaint was taken in that the recipient's role must hear of at once (on-site, or starting above tier 1).</summary>
    ComplaintReceived = 3,

    /// <summary>A complaint moved up to the recipient's tier.</summary>
    ComplaintEscalated = 4,

    /// <summary>A complaint passed its top tier's deadline or nears the legal 7-working-day limit.</summary>
    ComplaintDeadline = 5,
}

/// <summary>
/// An in-app notice (the bell), addressed to one user or to a role (each of its members reads it
/// separately, see <see cref="NotificationRead"/>). It keeps its text as a resource key with
/// arguments, not as text, so each reader sees it in their own language. A job that must never
/// send the same notice twice gives it a <see cref="DedupeKey"/> (unique in the database).
/// </summary>
public sealed class Notification
{
    public const int KeyMaxLength = 200;
    public const int LinkMaxLength = 500;

    private Notification()
    {
    }

    private Notification(DateTime createdUtc, NotificationKind kind, string? userId, string? role, NoticeText text, string link, string? dedupeKey)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Length > LinkMaxLength)
        {
            throw new ArgumentException("A notice links to a page of the site: a relative URL such as /FollowUps/12.", nameof(link));
        }

        if (dedupeKey is { Length: 0 or > KeyMaxLength })
        {
            throw new ArgumentException($"A dedupe key is 1 to {KeyMaxLength} characters.", nameof(dedupeKey));
        }

        CreatedUtc = createdUtc;
        Kind = kind;
        RecipientUserId = userId;
        RecipientRole = role;
        TextKey = text.Key;
        TextArgs = text.ArgsJson();
        Link = link;
        DedupeKey = dedupeKey;
    }

    public static Notification ToUser(string userId, DateTime createdUtc, NotificationKind kind, NoticeText text, string link, string? dedupeKey = null) =>
        new(createdUtc, kind, string.IsNullOrEmpty(userId) ? throw new ArgumentException("A user id is required.", nameof(userId)) : userId, null, text, link, dedupeKey);

    public static Notification ToRole(string role, DateTime createdUtc, NotificationKind kind, NoticeText text, string link, string? dedupeKey = null) =>
        new(createdUtc, kind, null, Roles.IsKnown(role) ? role : throw new ArgumentException($"Unknown role '{role}'.", nameof(role)), text, link, dedupeKey);

    public long Id { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>Set for a notice to one person; null for a role's.</summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>Set for a notice to every member of a role; null for a person's.</summary>
    public string? RecipientRole { get; private set; }

    public string TextKey { get; private set; } = "";

    /// <summary>The text's arguments as JSON (see <see cref="NoticeText"/>).</summary>
    public string TextArgs { get; private set; } = "[]";

    /// <summary>The page the notice is about, relative to the site (e.g. /FollowUps/12).</summary>
    public string Link { get; private set; } = "";

    public string? DedupeKey { get; private set; }

    public NoticeText Text => NoticeText.FromStored(TextKey, TextArgs);
}

/// <summary>One user's reading of a notice: a role's notice is read by each member on their own.</summary>
public sealed class NotificationRead
{
    private NotificationRead()
    {
    }

    public NotificationRead(long notificationId, string userId, DateTime readUtc)
    {
        NotificationId = notificationId;
        UserId = userId;
        ReadUtc = readUtc;
    }

    public long NotificationId { get; private set; }

    public string UserId { get; private set; } = "";

    public DateTime ReadUtc { get; private set; }
}

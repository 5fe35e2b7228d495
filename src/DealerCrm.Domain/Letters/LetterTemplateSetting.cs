using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Letters;

/// <summary>
/// The thank-you letter body the administrator edited (one row); absent, the default template
/// is used. Audited: who changed the letter customers receive, and what it said before.
/// </summary>
public sealed class LetterTemplateSetting : IAuditable, IVersioned
{
    public const int SingletonId = 1;

    private LetterTemplateSetting()
    {
    }

    public LetterTemplateSetting(string body, DateTime updatedUtc, string updatedBy) => Apply(body, updatedUtc, updatedBy);

    public int Id { get; private set; } = SingletonId;

    public int Version { get; set; }

    public string Body { get; private set; } = "";

    public DateTime UpdatedUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>
    /// Saves a new body; false, with nothing changed (not even who and when), when it is the body
    /// on file after <see cref="Normalize"/>.
    /// </summary>
    public bool Update(string body, DateTime updatedUtc, string updatedBy)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (SameBody(Body, body))
        {
            return false;
        }

        Apply(body, updatedUtc, updatedBy);
        return true;
    }

    /// <summary>
    /// The body as stored: one kind of line ending (a browser sends CRLF) and no blank space
    /// around the whole text, so a form sent back as it came is the same body.
    /// </summary>
    public static string Normalize(string body) => body.ReplaceLineEndings("\n").Trim();

    public static bool SameBody(string a, string b) => Normalize(a) == Normalize(b);

    private void Apply(string body, DateTime updatedUtc, string updatedBy)
    {
        if (LetterTemplate.Validate(body).Count > 0)
        {
            throw new ArgumentException("The template has unknown or unbalanced placeholders.", nameof(body));
        }

        Body = Normalize(body);
        UpdatedUtc = updatedUtc;
        UpdatedBy = updatedBy;
    }
}

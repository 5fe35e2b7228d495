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

    public LetterTemplateSetting(string body, DateTime updatedUtc, string updatedBy) => Update(body, updatedUtc, updatedBy);

    public int Id { get; private set; } = SingletonId;

    public int Version { get; set; }

    public string Body { get; private set; } = "";

    public DateTime UpdatedUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Update(string body, DateTime updatedUtc, string updatedBy)
    {
        if (LetterTemplate.Validate(body).Count > 0)
        {
            throw new ArgumentException("The template has unknown or unbalanced placeholders.", nameof(body));
        }

        Body = body;
        UpdatedUtc = updatedUtc;
        UpdatedBy = updatedBy;
    }
}

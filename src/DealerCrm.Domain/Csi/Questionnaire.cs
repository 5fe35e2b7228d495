namespace DealerCrm.Domain.Csi;

/// <summary>CSI (after-sales, 客户满意度) or SSI (sales, 销售满意度).</summary>
public enum SurveyProgram
{
    Csi = 1,
    Ssi = 2,
}

/// <summary>How a survey was taken (RULES.md section 7).</summary>
public enum SurveyMethod
{
    Phone = 1,
    Paper = 2,
    Kiosk = 3,
    Interview = 4,
    MysteryShopper = 5,
}

/// <summary>
/// One version of a questionnaire: factors with weights summing to 100 %, questions each in one
/// factor with a weight inside it, plus optional free-text questions. A version is never edited
/// once in use: a new version is a new row, so the weights a survey was answered under stay with it.
/// </summary>
public sealed class Questionnaire
{
    public const int MaxScore = 10;
    public const int MinScore = 1;
    public const int TitleMaxLength = 100;

    private readonly List<QuestionnaireFactor> _factors = [];
    private readonly List<QuestionnaireQuestion> _questions = [];

    private Questionnaire()
    {
    }

    /// <summary>Builds a version and checks its shape; throws <see cref="ArgumentException"/> when it cannot be scored.</summary>
    public Questionnaire(SurveyProgram program, int version, string title, DateTime createdUtc, IReadOnlyList<FactorDefinition> factors)
    {
        if (version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Versions count from 1.");
        }

        if (factors.Count == 0 || factors.Sum(f => f.WeightPercent) != 100 || factors.Any(f => f.WeightPercent <= 0))
        {
            throw new ArgumentException("The factor weights must be positive and add up to 100.", nameof(factors));
        }

        if (factors.Select(f => f.Code).Distinct(StringComparer.Ordinal).Count() != factors.Count)
        {
            throw new ArgumentException("Each factor code appears once.", nameof(factors));
        }

        Program = program;
        Version = version;
        Title = title;
        CreatedUtc = createdUtc;
        var order = 0;
        foreach (var f in factors)
        {
            if (!f.Questions.Any(q => !q.IsFreeText) || f.Questions.Any(q => !q.IsFreeText && q.Weight <= 0))
            {
                throw new ArgumentException($"Factor {f.Code} needs at least one scored question, each with a positive weight.", nameof(factors));
            }

            var factor = new QuestionnaireFactor(f.Code, f.NameZh, f.NameEn, f.WeightPercent, _factors.Count + 1);
            _factors.Add(factor);
            foreach (var q in f.Questions)
            {
                _questions.Add(new QuestionnaireQuestion(factor, q.TextZh, q.TextEn, q.IsFreeText ? 0 : q.Weight, q.IsFreeText, ++order));
            }
        }
    }

    public int Id { get; private set; }

    public SurveyProgram Program { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    public DateTime CreatedUtc { get; private set; }

    /// <summary>The version new surveys of its program are taken with (one per program).</summary>
    public bool IsCurrent { get; private set; }

    public IReadOnlyList<QuestionnaireFactor> Factors => _factors;

    public IReadOnlyList<QuestionnaireQuestion> Questions => _questions;

    public IEnumerable<QuestionnaireQuestion> ScoredQuestions => _questions.Where(q => !q.IsFreeText);

    /// <summary>The question asked in this place (from 1), or null.</summary>
    public QuestionnaireQuestion? Question(int number) => _questions.FirstOrDefault(q => q.Order == number);

    public void MakeCurrent() => IsCurrent = true;

    public void Retire() => IsCurrent = false;
}

/// <summary>A factor of a questionnaire version with its weight in percent.</summary>
public sealed class QuestionnaireFactor
{
    private QuestionnaireFactor()
    {
    }

    internal QuestionnaireFactor(string code, string nameZh, string nameEn, int weightPercent, int order)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        WeightPercent = weightPercent;
        Order = order;
    }

    public int Id { get; private set; }

    public int QuestionnaireId { get; private set; }

    /// <summary>Stable across versions (e.g. "ServiceQuality"), so the dashboard follows a factor over the years.</summary>
    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int WeightPercent { get; private set; }

    public int Order { get; private set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>A question: scored 1-10 with a weight inside its factor, or free text (weight 0, never scored).</summary>
public sealed class QuestionnaireQuestion
{
    private QuestionnaireQuestion()
    {
    }

    internal QuestionnaireQuestion(QuestionnaireFactor factor, string textZh, string textEn, int weight, bool isFreeText, int order)
    {
        Factor = factor;
        TextZh = textZh;
        TextEn = textEn;
        Weight = weight;
        IsFreeText = isFreeText;
        Order = order;
    }

    public int Id { get; private set; }

    public int QuestionnaireId { get; private set; }

    public int FactorId { get; private set; }

    public QuestionnaireFactor Factor { get; private set; } = null!;

    public string TextZh { get; private set; } = "";

    public string TextEn { get; private set; } = "";

    public int Weight { get; private set; }

    public bool IsFreeText { get; private set; }

    /// <summary>The order the questions are asked in, from 1.</summary>
    public int Order { get; private set; }

    public string Text(bool chinese) => chinese ? TextZh : TextEn;
}

public sealed record FactorDefinition(string Code, string NameZh, string NameEn, int WeightPercent, IReadOnlyList<QuestionDefinition> Questions);

public sealed record QuestionDefinition(string TextZh, string TextEn, int Weight = 1, bool IsFreeText = false)
{
    public static QuestionDefinition FreeText(string textZh, string textEn) => new(textZh, textEn, 0, true);
}

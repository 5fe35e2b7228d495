using DealerCrm.Domain.Common;

namespace DealerCrm.Domain.Csi;

/// <summary>
/// One answered questionnaire. It keeps the questionnaire version it was taken with and its
/// scores as computed then (<see cref="CsiScoring"/>), so a later version's weights never rewrite it.
/// The dashboard aggregates the stored scores in SQL.
/// </summary>
public sealed class Survey : IVersioned
{
    public const int RecordingReferenceMaxLength = 200;
    public const int TextAnswerMaxLength = 2000;

    private readonly List<SurveyAnswer> _answers = [];
    private readonly List<SurveyFactorScore> _factorScores = [];

    private Survey()
    {
    }

    private Survey(SurveyTaking taking, Questionnaire questionnaire, SurveyScore score, DateTime takenUtc, int takenMonth)
    {
        QuestionnaireId = questionnaire.Id;
        Program = questionnaire.Program;
        CustomerId = taking.CustomerId;
        FollowUpTaskId = taking.FollowUpTaskId;
        ServiceVisitId = taking.ServiceVisitId;
        DeliveryId = taking.DeliveryId;
        StaffUserId = taking.StaffUserId;
        Method = taking.Method;
        RecordingReference = string.IsNullOrWhiteSpace(taking.RecordingReference) ? null : taking.RecordingReference.Trim();
        TakenByUserId = taking.TakenByUserId;
        TakenUtc = takenUtc;
        TakenMonth = takenMonth;
        Index = score.Index;
        IsComplete = score.IsComplete;
        LowestScore = score.LowestAnswer;
        foreach (var (number, value) in taking.Scores)
        {
            _answers.Add(new SurveyAnswer(questionnaire.Question(number)!.Id, value, null));
        }

        foreach (var (number, text) in taking.Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            _answers.Add(new SurveyAnswer(questionnaire.Question(number)!.Id, null, text.Trim()));
        }

        foreach (var factor in score.Factors.Where(f => f.Score is not null))
        {
            _factorScores.Add(new SurveyFactorScore(factor.Factor.Code, factor.Score!.Value));
        }
    }

    /// <summary>
    /// Scores the answers under the questionnaire and records them; an answer at or below the
    /// alert threshold raises a <see cref="HotAlert"/> (returned, for the caller to add and announce).
    /// </summary>
    public static (Survey Survey, HotAlert? Alert) Take(SurveyTaking taking, Questionnaire questionnaire, int alertThreshold, TimeSpan alertDeadline, DealershipClock clock)
    {
        foreach (var (number, _) in taking.Texts)
        {
            if (questionnaire.Question(number) is not { IsFreeText: true })
            {
                throw new ArgumentException($"Question {number} is not a free-text question of this questionnaire.", nameof(taking));
            }
        }

        if (taking.Texts.Values.Any(t => t?.Length > TextAnswerMaxLength) || taking.RecordingReference?.Length > RecordingReferenceMaxLength)
        {
            throw new ArgumentException("An answer or the recording reference is too long.", nameof(taking));
        }

        var score = CsiScoring.Score(questionnaire, taking.Scores);
        var now = clock.UtcNow;
        var local = clock.LocalDateOf(now);
        var survey = new Survey(taking, questionnaire, score, now, MonthKey(local));
        var low = taking.Scores.Where(s => CsiScoring.IsAlarming(s.Value, alertThreshold)).ToList();
        var alert = low.Count == 0 ? null : new HotAlert(survey, alertThreshold, low.Min(s => s.Value), low.Count, now, now + alertDeadline);
        return (survey, alert);
    }

    /// <summary>The local month as yyyymm, the dashboard's grouping key (a column SQL groups by on both providers).</summary>
    public static int MonthKey(DateOnly localDate) => (localDate.Year * 100) + localDate.Month;

    public static DateOnly MonthStart(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    public long Id { get; private set; }

    public int Version { get; set; }

    public int QuestionnaireId { get; private set; }

    public SurveyProgram Program { get; private set; }

    public int CustomerId { get; private set; }

    /// <summary>The survey task it was taken for, if any (a walk-in kiosk survey has none).</summary>
    public long? FollowUpTaskId { get; private set; }

    public int? ServiceVisitId { get; private set; }

    public int? DeliveryId { get; private set; }

    /// <summary>Whose work it rates: the service advisor of the visit (CSI) or the salesperson of the sale (SSI).</summary>
    public string? StaffUserId { get; private set; }

    public SurveyMethod Method { get; private set; }

    /// <summary>Where the call's recording is, for spot checks (抽查).</summary>
    public string? RecordingReference { get; private set; }

    public string TakenByUserId { get; private set; } = "";

    public DateTime TakenUtc { get; private set; }

    /// <summary>The dealership's local month, yyyymm.</summary>
    public int TakenMonth { get; private set; }

    /// <summary>100-1000; null when incomplete.</summary>
    public double? Index { get; private set; }

    public bool IsComplete { get; private set; }

    /// <summary>The lowest 1-10 answer; the satisfaction rate counts surveys whose lowest answer is above the alert threshold.</summary>
    public int? LowestScore { get; private set; }

    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    public IReadOnlyList<SurveyFactorScore> FactorScores => _factorScores;

    /// <summary>The customer's file was merged into another: the survey follows the survivor.</summary>
    public void MoveToCustomer(int customerId) => CustomerId = customerId;
}

/// <summary>What the interviewer recorded, before scoring: scores and texts by question number (from 1).</summary>
public sealed record SurveyTaking(
    int CustomerId,
    SurveyMethod Method,
    string TakenByUserId,
    IReadOnlyDictionary<int, int> Scores,
    IReadOnlyDictionary<int, string> Texts,
    string? RecordingReference = null,
    long? FollowUpTaskId = null,
    int? ServiceVisitId = null,
    int? DeliveryId = null,
    string? StaffUserId = null);

/// <summary>One answer: a 1-10 score or, for a free-text question, words.</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer()
    {
    }

    internal SurveyAnswer(int questionId, int? score, string? text)
    {
        QuestionId = questionId;
        Score = score;
        Text = text;
    }

    public long Id { get; private set; }

    public long SurveyId { get; private set; }

    public int QuestionId { get; private set; }

    public int? Score { get; private set; }

    public string? Text { get; private set; }
}

/// <summary>A factor's score in one survey as computed when it was taken (by the factor's stable code).</summary>
public sealed class SurveyFactorScore
{
    private SurveyFactorScore()
    {
    }

    internal SurveyFactorScore(string factorCode, double score)
    {
        FactorCode = factorCode;
        Score = Math.Round(score, 4);
    }

    public long Id { get; private set; }

    public long SurveyId { get; private set; }

    public string FactorCode { get; private set; } = "";

    public double Score { get; private set; }
}

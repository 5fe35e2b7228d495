namespace DealerCrm.Domain.Csi;

/// <summary>
/// The J.D. Power-style score of RULES.md section 7, written once: factor score = weighted mean
/// of the factor's answered questions (an unanswered question is left out, so its weight is
/// spread over the answered ones); index = Σ factor weight × factor score × 100, on 100-1000.
/// A factor with no answer makes the survey incomplete: it has no index, never a zero.
/// </summary>
public static class CsiScoring
{
    /// <summary>Scores answers given by question number (<see cref="QuestionnaireQuestion.Order"/>, from 1).</summary>
    public static SurveyScore Score(Questionnaire questionnaire, IReadOnlyDictionary<int, int> scoresByNumber)
    {
        foreach (var (number, score) in scoresByNumber)
        {
            var question = questionnaire.Question(number)
                ?? throw new ArgumentException($"Question {number} is not in this questionnaire.", nameof(scoresByNumber));
            if (question.IsFreeText)
            {
                throw new ArgumentException($"Question {number} is answered in words, not scored.", nameof(scoresByNumber));
            }

            if (score is < Questionnaire.MinScore or > Questionnaire.MaxScore)
            {
                throw new ArgumentOutOfRangeException(nameof(scoresByNumber), score, "Answers are 1 to 10.");
            }
        }

        var factors = new List<FactorScore>();
        foreach (var factor in questionnaire.Factors)
        {
            var answered = questionnaire.ScoredQuestions
                .Where(q => q.Factor.Code == factor.Code && scoresByNumber.ContainsKey(q.Order))
                .ToList();
            double? score = answered.Count == 0
                ? null
                : answered.Sum(q => (double)q.Weight * scoresByNumber[q.Order]) / answered.Sum(q => q.Weight);
            factors.Add(new FactorScore(factor, score));
        }

        var complete = factors.All(f => f.Score is not null);
        double? index = complete ? factors.Sum(f => f.Factor.WeightPercent / 100d * f.Score!.Value * 100d) : null;
        int? lowest = scoresByNumber.Count == 0 ? null : scoresByNumber.Values.Min();
        return new SurveyScore(factors, index is { } i ? Math.Round(i, 2) : null, lowest);
    }

    /// <summary>The index as a percentage of the maximum (1000 points), for the target (93 %).</summary>
    public static double PercentOfMaximum(double index) => index / 10d;

    /// <summary>The index the target percentage stands for, e.g. 93 % → 930 points.</summary>
    public static double TargetIndex(decimal targetPercentOfMaximum) => (double)targetPercentOfMaximum * 10d;

    /// <summary>An answer at or below the threshold raises a hot alert.</summary>
    public static bool IsAlarming(int score, int alertThreshold) => score <= alertThreshold;
}

public sealed record FactorScore(QuestionnaireFactor Factor, double? Score);

/// <summary>A survey's scores; <see cref="Index"/> is null while any factor has no answer.</summary>
public sealed record SurveyScore(IReadOnlyList<FactorScore> Factors, double? Index, int? LowestAnswer)
{
    public bool IsComplete => Index is not null;
}

using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.Tests.Csi;

public sealed class CsiScoringTests
{
    private static readonly DateTime Created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A (60 %): q1 weight 2, q2 weight 1. B (40 %): q3 weight 1, q4 free text.</summary>
    private static Questionnaire Small(int weightA = 60, int weightB = 40) => new(SurveyProgram.Csi, 1, "test", Created,
    [
        new("A", "甲", "A", weightA, [new("q1", "q1", 2), new("q2", "q2", 1)]),
        new("B", "乙", "B", weightB, [new("q3", "q3", 1), QuestionDefinition.FreeText("q4", "q4")]),
    ]);

    private static Dictionary<int, int> Answers(params (int Number, int Score)[] answers) => answers.ToDictionary(a => a.Number, a => a.Score);

    [Fact]
    public void Factor_score_is_the_weighted_mean_and_the_index_the_weighted_sum_times_100()
    {
        // A = (2×9 + 1×6) / 3 = 8; B = 5; index = 0.6×8×100 + 0.4×5×100 = 680.
        var score = CsiScoring.Score(Small(), Answers((1, 9), (2, 6), (3, 5)));

        Assert.True(score.IsComplete);
        Assert.Equal(8d, score.Factors[0].Score);
        Assert.Equal(5d, score.Factors[1].Score);
        Assert.Equal(680d, score.Index);
        Assert.Equal(5, score.LowestAnswer);
    }

    [Fact]
    public void An_unanswered_question_is_left_out_and_its_weight_spread_within_its_factor()
    {
        // q2 unanswered: A = 9 alone (not (2×9 + 0)/3 = 6); index = 0.6×9×100 + 0.4×5×100 = 740.
        var score = CsiScoring.Score(Small(), Answers((1, 9), (3, 5)));

        Assert.Equal(9d, score.Factors[0].Score);
        Assert.Equal(740d, score.Index);
    }

    [Fact]
    public void A_factor_with_no_answer_makes_the_survey_incomplete_not_zero()
    {
        var score = CsiScoring.Score(Small(), Answers((1, 9), (2, 6)));

        Assert.False(score.IsComplete);
        Assert.Null(score.Index);
        Assert.Equal(8d, score.Factors[0].Score);
        Assert.Null(score.Factors[1].Score);
    }

    [Fact]
    public void No_answer_at_all_is_incomplete_with_no_lowest_answer()
    {
        var score = CsiScoring.Score(Small(), Answers());

        Assert.Null(score.Index);
        Assert.Null(score.LowestAnswer);
    }

    [Theory]
    [InlineData(10, 1000d)]
    [InlineData(1, 100d)]
    public void The_scale_runs_from_100_to_1000(int every, double index)
    {
        Assert.Equal(index, CsiScoring.Score(Small(), Answers((1, every), (2, every), (3, every))).Index);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 11)]
    [InlineData(4, 8)]
    [InlineData(9, 8)]
    public void Out_of_range_scores_free_text_questions_and_unknown_questions_are_refused(int number, int value)
    {
        Assert.ThrowsAny<ArgumentException>(() => CsiScoring.Score(Small(), Answers((number, value))));
    }

    [Theory]
    [InlineData(60, 41)]
    [InlineData(100, 0)]
    public void Factor_weights_must_be_positive_and_add_up_to_100(int a, int b)
    {
        Assert.Throws<ArgumentException>(() => Small(a, b));
    }

    [Fact]
    public void A_factor_without_a_scored_question_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Questionnaire(SurveyProgram.Csi, 1, "t", Created,
        [
            new("A", "甲", "A", 50, [new("q1", "q1")]),
            new("B", "乙", "B", 50, [QuestionDefinition.FreeText("q2", "q2")]),
        ]));
    }

    [Fact]
    public void The_standard_csi_has_the_five_factors_and_weights_of_the_rules()
    {
        var csi = StandardQuestionnaires.Csi(new CsiPolicy(), Created);

        Assert.Equal([21, 19, 22, 20, 18], csi.Factors.Select(f => f.WeightPercent));
        Assert.Equal(["服务启动", "服务顾问", "服务质量", "经销商设施", "服务后交车"], csi.Factors.Select(f => f.NameZh));
        Assert.Contains(csi.Questions, q => q.IsFreeText);
    }

    [Fact]
    public void Hand_computed_standard_csi_with_one_low_answer_on_fixed_right_first_time()
    {
        var csi = StandardQuestionnaires.Csi(new CsiPolicy(), Created);
        var scores = csi.ScoredQuestions.ToDictionary(q => q.Order, _ => 8);
        var firstTime = csi.Questions.Single(q => q.TextZh.Contains("一次修好", StringComparison.Ordinal));
        scores[firstTime.Order] = 5;

        // 服务质量 = (3×5 + 2×8 + 1×8) / 6 = 6.5; index = 8×(21+19+20+18) + 6.5×22 = 624 + 143 = 767.
        var score = CsiScoring.Score(csi, scores);

        Assert.Equal(6.5d, score.Factors.Single(f => f.Factor.Code == StandardQuestionnaires.ServiceQuality).Score);
        Assert.Equal(767d, score.Index);
    }

    [Fact]
    public void The_target_is_a_share_of_the_maximum()
    {
        Assert.Equal(930d, CsiScoring.TargetIndex(93m));
        Assert.Equal(93.5d, CsiScoring.PercentOfMaximum(935d));
    }

    [Fact]
    public void The_ssi_has_its_own_factors_adding_up_to_100()
    {
        var ssi = StandardQuestionnaires.Ssi(Created);

        Assert.Equal(SurveyProgram.Ssi, ssi.Program);
        Assert.Equal(100, ssi.Factors.Sum(f => f.WeightPercent));
        Assert.DoesNotContain(ssi.Factors, f => f.Code == StandardQuestionnaires.ServiceQuality);
    }
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Pages.Csi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>
/// A year of demo surveys that tells a story on the dashboard: the index climbs slowly towards the
/// target, the dealer facility (the lounge) is the weak factor, one service advisor (杨帆,
/// serviceadvisor2) stays below target, and a few low answers of the last weeks left hot alerts
/// open (older ones were closed by recovery calls).
/// </summary>
public sealed class CsiDemoData(DealerCrmDbContext db, CsiQuestionnaires questionnaires, DealershipClock clock, IOptions<CsiPolicy> policy) : IDemoDataSeeder
{
    private const string WeakAdvisorLogin = "serviceadvisor2";
    private const string AgentLogin = "csagent";

    private readonly Random _random = new(2028);

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Surveys.AnyAsync(cancellationToken) || !await db.ServiceVisits.AnyAsync(cancellationToken))
        {
            return;
        }

        var csi = await questionnaires.CurrentAsync(SurveyProgram.Csi, cancellationToken);
        var ssi = await questionnaires.CurrentAsync(SurveyProgram.Ssi, cancellationToken);
        var users = await db.Users.Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var agent = users[AgentLogin];
        var weakAdvisor = users.GetValueOrDefault(WeakAdvisorLogin);
        var visits = await db.ServiceVisits.AsNoTracking().OrderBy(v => v.Id).Take(2000)
            .Select(v => new { v.Id, v.CustomerId, v.ServiceAdvisorId }).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).Take(2000)
            .Select(d => new { d.Id, d.CustomerId, d.SalespersonId }).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        var alertWindow = now.AddDays(-10);
        for (var daysAgo = 364; daysAgo >= 1; daysAgo--)
        {
            // About one CSI survey a day, and an SSI survey every third day, in office hours.
            var at = clock.StartOfDayUtc(clock.Today.AddDays(-daysAgo)).AddHours(10 + _random.Next(7)).AddMinutes(_random.Next(60));
            var progress = (364 - daysAgo) / 364d;
            var surveysToday = _random.Next(3) == 0 ? 2 : 1;
            for (var i = 0; i < surveysToday && visits.Count > 0; i++)
            {
                var visit = visits[_random.Next(visits.Count)];
                var advisor = i == 0 && weakAdvisor is not null && _random.Next(3) == 0 ? weakAdvisor : visit.ServiceAdvisorId;
                var scores = Answers(csi, progress, code => code switch
                {
                    StandardQuestionnaires.DealerFacility => -0.9,
                    StandardQuestionnaires.ServiceAdvisor or StandardQuestionnaires.ServiceQuality when advisor == weakAdvisor => -0.8,
                    _ => 0,
                }, (at >= alertWindow && daysAgo % 4 == 0) || daysAgo % 45 == 0);
                Add(csi, new SurveyTaking(visit.CustomerId, Method(), agent, scores, Texts(csi, scores), RecordingReference(at), null, visit.Id, null, advisor), at, agent);
            }

            if (daysAgo % 3 == 0 && deliveries.Count > 0)
            {
                var delivery = deliveries[_random.Next(deliveries.Count)];
                var scores = Answers(ssi, progress, code => code == "PaperworkAndPrice" ? -0.5 : 0, false);
                Add(ssi, new SurveyTaking(delivery.CustomerId, Method(), agent, scores, new Dictionary<int, string>(), RecordingReference(at), null, null, delivery.Id, delivery.SalespersonId), at, agent);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Add(Questionnaire questionnaire, SurveyTaking taking, DateTime atUtc, string agent)
    {
        var then = new DealershipClock(new FixedTime(atUtc), clock.Zone);
        var (survey, alert) = Survey.Take(taking, questionnaire, policy.Value.AlertThreshold, TimeSpan.FromHours(policy.Value.HotAlertDeadlineHours), then);
        db.Surveys.Add(survey);
        if (alert is null)
        {
            return;
        }

        // Alerts of the last days stay open for the director; older ones were recovered the next day.
        if (atUtc < clock.UtcNow.AddDays(-10))
        {
            alert.CloseByRecoveryCall(agent, "已致电客户致歉，安排免费复检，客户表示接受", atUtc.AddHours(20));
        }

        db.HotAlerts.Add(alert);
    }

    /// <summary>Mostly 9s and 10s, lower where the story says, improving over the year; one low answer when asked to.</summary>
    private Dictionary<int, int> Answers(Questionnaire questionnaire, double progress, Func<string, double> bias, bool withLowAnswer)
    {
        var scores = new Dictionary<int, int>();
        foreach (var question in questionnaire.ScoredQuestions)
        {
            if (_random.Next(40) == 0)
            {
                continue; // "don't know": left unanswered, its weight spread within the factor
            }

            var mean = 8.9 + (0.5 * progress) + bias(question.Factor.Code);
            var value = (int)Math.Round(mean + (_random.NextDouble() - 0.5) * 2.2);
            scores[question.Order] = Math.Clamp(value, 7, 10);
        }

        // A factor left without any answer would make the survey incomplete: ask its first question again.
        foreach (var factor in questionnaire.Factors)
        {
            var first = questionnaire.ScoredQuestions.First(q => q.Factor.Code == factor.Code);
            if (!questionnaire.ScoredQuestions.Any(q => q.Factor.Code == factor.Code && scores.ContainsKey(q.Order)))
            {
                scores[first.Order] = 9;
            }
        }

        if (withLowAnswer)
        {
            var low = questionnaire.ScoredQuestions.ElementAt(_random.Next(questionnaire.ScoredQuestions.Count()));
            scores[low.Order] = 3 + _random.Next(4);
        }

        return scores;
    }

    private static Dictionary<int, string> Texts(Questionnaire questionnaire, Dictionary<int, int> scores)
    {
        var free = questionnaire.Questions.FirstOrDefault(q => q.IsFreeText);
        return free is null || scores.Values.Min() > 8 ? [] : new Dictionary<int, string> { [free.Order] = "休息区座位不够，希望增加充电插座" };
    }

    private SurveyMethod Method() => _random.Next(20) switch
    {
        0 => SurveyMethod.Paper,
        1 => SurveyMethod.Kiosk,
        2 => SurveyMethod.Interview,
        _ => SurveyMethod.Phone,
    };

    private static string RecordingReference(DateTime atUtc) => "REC-" + atUtc.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Csi;

/// <summary>The site with the follow-up and CSI jobs' timers off: a test runs the CSI job when it wants to.</summary>
public sealed class CsiFactory : FollowUpFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        ["Jobs:Csi"] = "false",
    };

    public async Task<CsiJob.Result> RunCsiJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CsiJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A customer who bought <paramref name="monthsAgo"/> months ago and, if asked, came for service today with the given advisor.</summary>
    public async Task<TestDelivery> CustomerAsync(string name, int monthsAgo, string? advisorLogin = "serviceadvisor", int daysAgo = 0)
    {
        var salespersonId = await CustomerTestData.UserIdAsync(this, "salesperson");
        var delivery = await FollowUpTestData.DeliverAsync(this, name, salespersonId, Clock.LocalNow.AddMonths(-monthsAgo).AddDays(-daysAgo));
        if (advisorLogin is not null)
        {
            var advisorId = await CustomerTestData.UserIdAsync(this, advisorLogin);
            await using var scope = Scope(out var db);
            db.ServiceVisits.Add(new ServiceVisit(delivery.Vehicle.Id, delivery.Customer.Id,
                new ServiceVisitDetails(Clock.Today, 12000, ServiceVisitType.Maintenance, "常规保养", advisorId, Money.FromYuan(860m), null, null), Clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        }

        return delivery;
    }

    public Task<List<FollowUpTask>> SurveyTasksAsync(int customerId) =>
        WithDbAsync(db => db.FollowUpTasks.Where(t => t.CustomerId == customerId && (t.Kind == FollowUpKind.CsiSurvey || t.Kind == FollowUpKind.SsiSurvey)).ToListAsync());

    public Task<HotAlert?> AlertOfAsync(int customerId) =>
        WithDbAsync(db => db.HotAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.CustomerId == customerId));

    public Task<Survey?> SurveyOfAsync(int customerId) =>
        WithDbAsync(db => db.Surveys.AsNoTracking().Include(s => s.Answers).Include(s => s.FactorScores).FirstOrDefaultAsync(s => s.CustomerId == customerId));

    public async Task<Questionnaire> CurrentCsiAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DealerCrm.Web.Pages.Csi.CsiQuestionnaires>().CurrentAsync(SurveyProgram.Csi, CancellationToken.None);
    }

    /// <summary>The survey form for a task: every scored question 9, the given ones otherwise.</summary>
    public static Dictionary<string, string> SurveyForm(Questionnaire questionnaire, FollowUpTask task, Dictionary<int, string>? overrides = null, string method = "Phone")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.TaskId"] = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.QuestionnaireId"] = questionnaire.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TaskVersion"] = task.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Program"] = "Csi",
            ["Input.Method"] = method,
            ["Input.RecordingReference"] = "REC-20261123-01",
        };
        foreach (var q in questionnaire.Questions)
        {
            var key = q.IsFreeText ? $"Input.Texts[{q.Order}]" : $"Input.Scores[{q.Order}]";
            form[key] = overrides?.GetValueOrDefault(q.Order) ?? (q.IsFreeText ? "" : "9");
        }

        return form;
    }
}

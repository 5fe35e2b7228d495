using System.Globalization;
using DealerCrm.Domain.Csi;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Tests.Csi;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The browser site on a factory whose CSI and follow-up jobs run only when a journey says so.</summary>
public sealed class CsiSite() : BrowserSite(new CsiFactory())
{
    public CsiFactory Site => (CsiFactory)Factory;
}

/// <summary>
/// CSI in the browser: the director's dashboard, an agent's phone survey with one low answer, the
/// hot alert it raises and the complaint link the director follows, the dashboard counting the
/// survey, and an advisor's own scores. axe runs on every survey and dashboard page.
/// </summary>
public sealed class CsiJourneys(CsiSite site) : IClassFixture<CsiSite>
{
    private CsiFactory Factory => site.Site;

    [Fact]
    public async Task A_phone_survey_with_one_low_answer_raises_a_hot_alert_the_director_turns_into_a_complaint_and_the_dashboard_counts_it()
    {
        var customer = (await Factory.CustomerAsync("浏览器问卷客户", monthsAgo: 14)).Customer;
        await Factory.RunCsiJobAsync();
        var task = Assert.Single(await Factory.SurveyTasksAsync(customer.Id));
        var questionnaire = await Factory.CurrentCsiAsync();
        var firstTime = questionnaire.Questions.Single(q => q.TextZh.Contains("一次修好", StringComparison.Ordinal));

        // The director's dashboard before: this month's count of surveys.
        var director = await site.NewPageAsync();
        await director.SignInAsync("csdirector");
        await director.GotoAsync("/Csi");
        await Assertions.Expect(director.Locator("#chart-trend[data-chart-ready='true']")).ToHaveCountAsync(1);
        var before = await ThisMonthSurveysAsync(director);
        var alertsBefore = int.Parse(await director.GetByTestId("kpi-alerts").InnerTextAsync(), CultureInfo.InvariantCulture);
        await Accessibility.AssertAccessibleAsync(director);
        await director.ScreenshotAsync("csi-dashboard");

        // The agent takes the survey by phone, question by question; "fixed right the first time" gets a 3.
        var agent = await site.NewPageAsync();
        await agent.SignInAsync("csagent");
        await agent.GotoAsync("/Csi/Surveys");
        await Accessibility.AssertAccessibleAsync(agent);
        await agent.GotoAsync($"/Csi/Surveys/Take?taskId={task.Id}");
        await Assertions.Expect(agent.GetByTestId("customer-file")).ToContainTextAsync("浏览器问卷客户");
        await Accessibility.AssertAccessibleAsync(agent);
        foreach (var question in questionnaire.ScoredQuestions)
        {
            var score = question.Order == firstTime.Order ? 3 : 9;
            await agent.Locator($"label[for='q{question.Order}-{score}']").ClickAsync();
        }

        await agent.GetByTestId("recording-reference").FillAsync("REC-BROWSER-001");
        await agent.ScreenshotAsync("csi-take-survey");
        await agent.GetByTestId("survey-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("survey-saved")).ToContainTextAsync("满意度预警");
        await Assertions.Expect(agent.GetByTestId("recording")).ToHaveTextAsync("REC-BROWSER-001");
        await Accessibility.AssertAccessibleAsync(agent);
        await agent.ScreenshotAsync("csi-survey-details");
        Assert.Empty(site.ConsoleErrors(agent));

        // The director finds the hot alert and opens a complaint from it, which closes the alert.
        await director.GotoAsync("/Csi/Alerts");
        var row = director.GetByTestId("alert-row").Filter(new() { HasText = "浏览器问卷客户" });
        await Assertions.Expect(row).ToContainTextAsync("3");
        await Accessibility.AssertAccessibleAsync(director);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(director.GetByTestId("low-answers")).ToContainTextAsync("一次修好");
        await Accessibility.AssertAccessibleAsync(director);
        await director.ScreenshotAsync("csi-hot-alert");
        var alert = (await Factory.AlertOfAsync(customer.Id))!;
        var complaint = director.GetByTestId("open-complaint");
        Assert.Equal($"/Complaints/Create?customerId={customer.Id}&hotAlertId={alert.Id}", await complaint.GetAttributeAsync("href"));
        await complaint.ClickAsync();
        await Assertions.Expect(director.GetByTestId("complaint-form")).ToBeVisibleAsync();
        await director.GetByTestId("channel").SelectOptionAsync("ReturnCall");
        await director.GetByTestId("category").SelectOptionAsync("ServiceQuality");
        await director.GetByTestId("department").SelectOptionAsync("Service");
        await director.GetByTestId("description").FillAsync("满意度调查中对“一次修好”打了 3 分");
        await Accessibility.AssertAccessibleAsync(director);
        await director.GetByTestId("complaint-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("flash")).ToContainTextAsync("TS");
        await director.GotoAsync($"/Csi/Alerts/Details/{alert.Id}");
        await Assertions.Expect(director.GetByTestId("open-complaint")).ToHaveCountAsync(0);
        Assert.Equal(HotAlertStatus.ClosedByComplaint, (await Factory.AlertOfAsync(customer.Id))!.Status);

        // The dashboard counts the new survey; its alert is closed, so the open alerts are as before.
        await director.GotoAsync("/Csi");
        Assert.Equal(before + 1, await ThisMonthSurveysAsync(director));
        await Assertions.Expect(director.GetByTestId("kpi-alerts")).ToHaveTextAsync(alertsBefore.ToString(CultureInfo.InvariantCulture));
        await director.GotoAsync("/Csi?program=Ssi");
        await Assertions.Expect(director.Locator("#chart-factors[data-chart-ready='true']")).ToHaveCountAsync(1);
        await Accessibility.AssertAccessibleAsync(director);
        Assert.True(site.ConsoleErrors(director).Count == 0, string.Join("\n", site.ConsoleErrors(director)));

        // The advisor rated sees their own scores, nobody else's.
        var advisor = await site.NewPageAsync();
        await advisor.SignInAsync("serviceadvisor");
        await advisor.GotoAsync("/Csi/MyScores");
        await Assertions.Expect(advisor.GetByTestId("my-index")).Not.ToHaveTextAsync("—");
        await Accessibility.AssertAccessibleAsync(advisor);
        await advisor.ScreenshotAsync("csi-my-scores");
    }

    private static async Task<int> ThisMonthSurveysAsync(IPage page) =>
        int.Parse(await page.GetByTestId("table-trend").Locator("tbody tr").Last.Locator("td").First.InnerTextAsync(), CultureInfo.InvariantCulture);
}

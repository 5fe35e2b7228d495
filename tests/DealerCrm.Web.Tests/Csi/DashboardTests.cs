using System.Net;
using ClosedXML.Excel;
using DealerCrm.Domain.Csi;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Pages.Csi;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Csi;

/// <summary>The dashboard on the demo dealership's year of surveys.</summary>
public sealed class DashboardTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private async Task<T> WithFiguresAsync<T>(Func<CsiFigures, CsiQuestionnaires, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CsiFigures>(), scope.ServiceProvider.GetRequiredService<CsiQuestionnaires>());
    }

    [Fact]
    public async Task The_figures_aggregated_in_sql_match_the_surveys_counted_one_by_one()
    {
        var (period, trend, factors, staff, questions) = await WithFiguresAsync(async (f, q) =>
        {
            var p = f.DefaultPeriod(SurveyProgram.Csi);
            var current = await q.CurrentAsync(SurveyProgram.Csi, CancellationToken.None);
            return (p, await f.TrendAsync(p, CancellationToken.None), await f.FactorsAsync(p, current, CancellationToken.None),
                await f.ByStaffAsync(p, CancellationToken.None), await f.QuestionsAsync(p, CancellationToken.None));
        });
        var surveys = await factory.WithDbAsync(db => db.Surveys.AsNoTracking().Include(s => s.FactorScores).Include(s => s.Answers)
            .Where(s => s.Program == SurveyProgram.Csi && s.TakenMonth >= period.FromMonth && s.TakenMonth <= period.ToMonth).ToListAsync());
        var complete = surveys.Where(s => s.IsComplete).ToList();

        Assert.Equal(12, trend.Count);
        Assert.True(complete.Count > 300, $"the demo year has {complete.Count} CSI surveys");
        foreach (var month in trend)
        {
            var of = complete.Where(s => s.TakenMonth == month.Month).ToList();
            Assert.Equal(of.Count, month.Surveys);
            Assert.Equal(of.Count(s => s.LowestScore > 6), month.Satisfied);
            if (of.Count > 0)
            {
                Assert.Equal(of.Average(s => s.Index!.Value), month.Index!.Value, 6);
            }
        }

        foreach (var factor in factors)
        {
            Assert.Equal(complete.SelectMany(s => s.FactorScores).Where(x => x.FactorCode == factor.Code).Average(x => x.Score), factor.Score, 6);
        }

        var weakest = questions[0];
        var scores = surveys.SelectMany(s => s.Answers).Where(a => a.QuestionId == weakest.QuestionId && a.Score is not null).Select(a => (double)a.Score!.Value).ToList();
        Assert.Equal(scores.Average(), weakest.Mean, 6);
        Assert.Equal(scores.Average(x => x * x) - (scores.Average() * scores.Average()), weakest.Variance, 6);
        Assert.True(questions.Zip(questions.Skip(1)).All(p => p.First.Mean <= p.Second.Mean), "weakest questions first");

        // The demo's story: the dealer facility is the weakest factor, 杨帆 the advisor below target.
        Assert.Equal(StandardQuestionnaires.DealerFacility, factors.MinBy(f => f.Score)!.Code);
        Assert.Equal("杨帆", staff[0].Name);
        Assert.True(staff[0].Index < 930);
    }

    [Fact]
    public async Task The_quadrant_lists_high_value_dissatisfied_customers_first_with_their_purchases_and_service_spend()
    {
        var rows = await WithFiguresAsync((f, _) => f.QuadrantAsync(f.DefaultPeriod(SurveyProgram.Csi), 500, CancellationToken.None));
        var (highValue, target) = await WithFiguresAsync((f, _) => Task.FromResult(((long)f.Policy.HighValueFromYuan * 100, f.TargetIndex)));

        Assert.NotEmpty(rows);
        var flags = rows.Select(r => r.ValueFen >= highValue && r.AvgIndex < target).ToList();
        Assert.Equal(flags.OrderByDescending(x => x), flags);
        var first = rows[0];
        var spent = await factory.WithDbAsync(async db =>
            (await db.Deliveries.Where(d => d.CustomerId == first.CustomerId).Select(d => d.Price).ToListAsync()).Sum(m => m.Fen)
            + (await db.ServiceVisits.Where(v => v.CustomerId == first.CustomerId).Select(v => v.Amount).ToListAsync()).Sum(m => m.Fen));
        Assert.Equal(spent, first.ValueFen);
    }

    [Fact]
    public async Task The_dashboard_shows_charts_with_their_tables_and_the_export_opens()
    {
        using var gm = await SiteClient.SignedInAsync(factory, "GeneralManager");
        var html = await gm.GetHtmlAsync("/Csi");
        foreach (var id in new[] { "trend", "factors", "staff", "quadrant" })
        {
            Assert.Contains($"aria-describedby=\"table-{id}\"", html);
            Assert.Contains($"id=\"table-{id}\"", html);
        }

        Assert.Contains("经销商设施", html);
        Assert.Contains("杨帆", html);
        Assert.Contains("/Customers/", html);

        using var response = await gm.GetAsync("/Csi/Export?program=Csi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["月度趋势", "因子", "人员", "各题", "价值满意度"], book.Worksheets.Select(w => w.Name));
        Assert.Equal(13, book.Worksheet("月度趋势").RowsUsed().Count());
        Assert.Equal(6, book.Worksheet("因子").RowsUsed().Count());

        var ssi = await gm.GetHtmlAsync("/Csi?program=Ssi");
        Assert.Contains("展厅接待", ssi);
    }

    [Fact]
    public async Task An_advisor_sees_only_their_own_scores()
    {
        using var advisor = SiteClient.Anonymous(factory);
        using (await advisor.SignInAsync("serviceadvisor2", DemoSeeder.Password))
        {
        }

        var html = await advisor.GetHtmlAsync("/Csi/MyScores");
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor2");
        var own = await WithFiguresAsync((f, _) => f.TrendAsync(f.DefaultPeriod(SurveyProgram.Csi, advisorId), CancellationToken.None));
        var all = await WithFiguresAsync((f, _) => f.TrendAsync(f.DefaultPeriod(SurveyProgram.Csi), CancellationToken.None));

        Assert.Contains($"{own.Sum(m => m.Surveys)} 份问卷", html);
        Assert.True(own.Sum(m => m.Surveys) < all.Sum(m => m.Surveys));
        using var dashboard = await advisor.GetAsync("/Csi");
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
    }
}

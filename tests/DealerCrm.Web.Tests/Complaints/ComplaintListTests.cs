using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Pages.Complaints;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Complaints;

/// <summary>
/// The complaint list read in parts by its stored keys and the analysis's corrective actions a page
/// at a time, against the same cases ordered and counted in memory here (a site of its own: the
/// other tests' cases do not move these lists).
/// </summary>
public sealed class ComplaintListTests(ComplaintFactory factory) : IClassFixture<ComplaintFactory>
{
    [Fact]
    public async Task Every_view_of_the_list_pages_the_cases_late_and_flagged_first_then_by_due_time_and_closed_ones_newest_first()
    {
        // The demo's cases (every tier and status, pauses, escalations, flags) and a few more: one due
        // later than the rest, one paused, one about the director (never shown to them).
        var later = await factory.TakeInAsync("排序客户甲");
        var paused = await factory.TakeInAsync("排序客户乙");
        var directorId = await CustomerTestData.UserIdAsync(factory, Login(Roles.CsDirector));
        await factory.TakeInAsync("排序客户丙", concernedUserId: directorId);
        await using (var scope = factory.Scope(out var db))
        {
            var tracked = await db.Complaints.Include(c => c.Periods).SingleAsync(c => c.Id == paused.Id);
            tracked.Pause(ComplaintPauseReason.WaitingOnCustomer, null, ComplaintActor.System, factory.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        // A day on (the job off): the demo's open tier-1 cases are late now, the new ones not yet.
        factory.Advance(TimeSpan.FromHours(20));
        var now = factory.Clock.UtcNow;
        var cases = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.ConcernedUserId != directorId || c.ConcernedUserId == null).ToListAsync());
        Assert.Contains(cases, c => c.IsOpen && (c.TierOverdue || c.LegalFlagged));
        Assert.Contains(cases, c => c.IsOpen && !c.TierOverdue && !c.LegalFlagged && c.TierDueUtc <= now);
        Assert.Contains(cases, c => c.Id == later.Id && c.TierDueUtc > now);
        Assert.Contains(cases, c => c.Id == paused.Id && c.TierDueUtc == null);
        Assert.True(cases.Count(c => c.IsOpen) > IndexModel.PageSize, "the open cases fill more than a page");

        // The list's order as the issue states it, on the stored facts (not the stored list group).
        static IEnumerable<Complaint> Expected(IEnumerable<Complaint> cases, DateTime now) => cases
            .OrderBy(c => c.Status == ComplaintStatus.Closed)
            .ThenByDescending(c => c.IsOpen && (c.TierOverdue || c.LegalFlagged || c.TierDueUtc <= now))
            .ThenBy(c => c.TierDueUtc == null)
            .ThenBy(c => c.TierDueUtc)
            .ThenByDescending(c => c.Id);

        var views = new (string Query, Func<Complaint, bool> Holds)[]
        {
            ("", c => c.IsOpen),
            ("status=All", _ => true),
            ("status=Closed", c => c.Status == ComplaintStatus.Closed),
            ("status=Open", c => c.Status == ComplaintStatus.Open),
            ("status=AwaitingCustomer", c => c.Status == ComplaintStatus.AwaitingCustomer),
            ("status=Accepted", c => c.Status == ComplaintStatus.Accepted),
            ("tier=2&status=All", c => c.Tier == 2),
            ("overdue=true", c => c.IsOpen && (c.TierOverdue || c.TierDueUtc <= now || (c.CustomerToldUtc == null && c.LegalDueUtc <= now))),
            ("category=ServiceQuality&department=Service", c => c.IsOpen && c.Category == ComplaintCategory.ServiceQuality && c.Department == ComplaintDepartment.Service),
        };
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        foreach (var (query, holds) in views)
        {
            var expected = Expected(cases.Where(holds), now).Select(c => c.Number).ToList();
            // Counted up to the cap, as the follow-up queue is: the pages go as far as the cap.
            var shown = Math.Min(expected.Count, 100);
            var pages = Math.Max(1, (shown + IndexModel.PageSize - 1) / IndexModel.PageSize);
            for (var p = 1; p <= pages + 1; p++)
            {
                var html = await director.GetHtmlAsync($"/Complaints?{query}&p={p}");
                // A page past the last shows the last.
                var page = Math.Min(p, pages);
                Assert.Equal(expected.Skip((page - 1) * IndexModel.PageSize).Take(IndexModel.PageSize), Numbers(html));
                if (expected.Count > 0)
                {
                    Assert.Equal(shown, Html.Total(html));
                }
            }
        }
    }

    [Fact]
    public async Task The_analysis_pages_the_corrective_actions_newest_first_and_counts_them_all_in_the_summary()
    {
        var taken = new List<Complaint>();
        for (var i = 0; i < 30; i++)
        {
            taken.Add(await factory.TakeInAsync($"整改客户{i}"));
            factory.Advance(TimeSpan.FromMinutes(1));
        }

        await using (var scope = factory.Scope(out var db))
        {
            var ids = taken.Select(c => c.Id).ToList();
            foreach (var complaint in await db.Complaints.Include(c => c.Periods).Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                complaint.RecordInvestigation("原因", "方案", "整改措施" + complaint.Number, ComplaintActor.System, factory.Clock.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        var today = factory.Clock.Today;
        var query = $"from={today.AddDays(-90):yyyy-MM-dd}&to={today:yyyy-MM-dd}&period=Week";
        List<string> all;
        int decided;
        await using (var scope = factory.Scope(out _))
        {
            var figures = scope.ServiceProvider.GetRequiredService<ComplaintFigures>();
            var fromUtc = factory.Clock.StartOfDayUtc(today.AddDays(-90));
            var toUtc = factory.Clock.StartOfDayUtc(today.AddDays(1));
            all = (await figures.CorrectiveActionsAsync(fromUtc, toUtc, CancellationToken.None)).Select(a => a.Number).ToList();
            decided = (await figures.SummaryAsync(fromUtc, toUtc, CancellationToken.None)).ActionsDecided;
        }

        Assert.Equal(decided, all.Count);
        Assert.True(decided > AnalysisModel.ActionsPageSize, "more actions than a page");
        // Newest first: the last case taken in heads the first page.
        Assert.Equal(taken[^1].Number, all[0]);

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var pages = (decided + AnalysisModel.ActionsPageSize - 1) / AnalysisModel.ActionsPageSize;
        for (var p = 1; p <= pages + 1; p++)
        {
            var html = await director.GetHtmlAsync($"/Complaints/Analysis?{query}&p={p}");
            var page = Math.Min(p, pages);
            Assert.Equal(all.Skip((page - 1) * AnalysisModel.ActionsPageSize).Take(AnalysisModel.ActionsPageSize), ActionNumbers(html));
            Assert.Equal(decided, Html.Total(html));
            Assert.True(Html.Has(html, "chart-chart-category"), "the charts stay on every page");
        }
    }

    private static string Login(string role) => DemoSeeder.RoleUsers.Single(u => u.Role == role).Login;

    private static List<string> Numbers(string html) =>
        Html.Parse(html).QuerySelectorAll("tr[data-complaint]").Select(r => r.GetAttribute("data-complaint")!).ToList();

    private static List<string> ActionNumbers(string html) =>
        Html.Parse(html).QuerySelectorAll("[data-testid='corrective-actions'] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
}

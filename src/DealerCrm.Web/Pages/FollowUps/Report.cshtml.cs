using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.FollowUps;

/// <summary>
/// The weekly report (日结周报): the week's return-visit results by department and kind, the
/// unhappy customers, and every answer customers gave; exportable to .xlsx for the departments.
/// </summary>
[Authorize(Policy = Policies.FollowUpsReports)]
public sealed class ReportModel(DealerCrmDbContext db, FollowUpStats stats, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public IReadOnlyList<(FollowUpDepartment Department, FollowUpKind Kind, FollowUpRates Rates)> ByKind { get; private set; } = [];

    public IReadOnlyList<(FollowUpStatus Status, int Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<FeedbackRow> Unhappy { get; private set; } = [];

    public IReadOnlyList<FeedbackRow> Answers { get; private set; } = [];

    public int AnswerCount { get; private set; }

    /// <summary>The page: this page's calls, each with its answers (the week's answers, grouped by call and paged, not one endless table).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public const int CallsPerPage = 20;

    public PagedList<CallFeedback> Calls { get; private set; } = null!;

    public sealed record CallFeedback(long TaskId, DateTime AtUtc, FollowUpKind Kind, int CustomerId, string CustomerName)
    {
        public IReadOnlyList<FeedbackRow> Answers { get; set; } = [];
    }

    public sealed record FeedbackRow(long TaskId, DateTime AtUtc, FollowUpKind Kind, int CustomerId, string CustomerName, int Point, string Text);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(0, cancellationToken);
        var from = clock.StartOfDayUtc(Start);
        var to = clock.StartOfDayUtc(End.AddDays(1));
        Calls = await db.FollowUpTasks.Where(t => t.CompletedUtc >= from && t.CompletedUtc < to && db.FollowUpAnswers.Any(a => a.TaskId == t.Id))
            .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new { t.Id, t.CompletedUtc, t.Kind, CustomerId = c.Id, c.Name })
            .OrderBy(x => x.CompletedUtc).ThenBy(x => x.Id)
            .Select(x => new CallFeedback(x.Id, x.CompletedUtc!.Value, x.Kind, x.CustomerId, x.Name))
            .ToPagedListAsync(PageNumber, CallsPerPage, cancellationToken);
        var ids = Calls.Items.Select(c => c.TaskId).ToList();
        var answers = await db.FollowUpAnswers.Where(a => ids.Contains(a.TaskId)).OrderBy(a => a.Point)
            .Select(a => new { a.TaskId, a.Point, a.Text }).ToListAsync(cancellationToken);
        foreach (var call in Calls.Items)
        {
            call.Answers = answers.Where(a => a.TaskId == call.TaskId)
                .Select(a => new FeedbackRow(call.TaskId, call.AtUtc, call.Kind, call.CustomerId, call.CustomerName, a.Point, a.Text)).ToList();
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(int.MaxValue, cancellationToken);
        using var book = new Spreadsheet();
        book.AddSheet(l["FollowUps.Report.Summary"], [l["FollowUps.Department"], l["FollowUps.Kind"], l["FollowUps.DueCount"], l["FollowUps.DoneCount"], l["FollowUps.ReturnVisitRate"], l["FollowUps.OnTimeRate"]],
            ByKind.Select(k => (IReadOnlyList<object?>)[l.Label(k.Department), l.Label(k.Kind), k.Rates.Due, k.Rates.Done, Spreadsheet.Percent(k.Rates.ReturnVisitRate), Spreadsheet.Percent(k.Rates.OnTimeRate)]));
        book.AddSheet(l["FollowUps.Report.Results"], [l["FollowUps.Result"], l["FollowUps.Count"]],
            ByStatus.Select(s => (IReadOnlyList<object?>)[l.Label(s.Status), s.Count]));
        book.AddSheet(l["FollowUps.Report.Unhappy"], [l["Audit.When"], l["FollowUps.Kind"], l["Field.CustomerName"], l["FollowUps.UnhappyNote"]],
            Unhappy.Select(u => (IReadOnlyList<object?>)[clock.ToLocal(u.AtUtc), l.Label(u.Kind), u.CustomerName, u.Text]));
        book.AddSheet(l["FollowUps.Report.Feedback"], [l["Audit.When"], l["FollowUps.Kind"], l["Field.CustomerName"], l["FollowUps.TalkingPoint"], l["FollowUps.Answer"]],
            Answers.Select(a => (IReadOnlyList<object?>)[clock.ToLocal(a.AtUtc), l.Label(a.Kind), a.CustomerName, l[$"Script.{a.Kind}.{a.Point}"].Value, a.Text]));
        return File(book.ToBytes(), Spreadsheet.ContentType, l["FollowUps.Report.FileName", Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture)]);
    }

    private async Task LoadAsync(int answerLimit, CancellationToken cancellationToken)
    {
        Start = FollowUpStats.WeekStart(Week ?? clock.Today.AddDays(-7));
        End = Start.AddDays(6);
        var due = stats.DueIn(Start, End);
        ByKind = (await stats.ByKindAsync(due, cancellationToken))
            .Select(k => (FollowUpDepartments.Of(k.Kind), k.Kind, k.Rates))
            .OrderBy(k => k.Item1).ThenBy(k => k.Kind).ToList();
        ByStatus = (await due.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();

        // Feedback: what customers said during the week, whenever the task was due.
        var from = clock.StartOfDayUtc(Start);
        var to = clock.StartOfDayUtc(End.AddDays(1));
        var completed = db.FollowUpTasks.Where(t => t.CompletedUtc >= from && t.CompletedUtc < to);
        Unhappy = await completed.Concat(db.FollowUpTasks.Where(t => t.CustomerUnhappy && t.Status == FollowUpStatus.Open && t.DueUtc >= from && t.DueUtc < to))
            .Where(t => t.CustomerUnhappy)
            .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new FeedbackRow(t.Id, t.CompletedUtc ?? t.DueUtc, t.Kind, c.Id, c.Name, 0, t.UnhappyNote ?? ""))
            .ToListAsync(cancellationToken);
        var answers = from a in db.FollowUpAnswers
                      join t in completed on a.TaskId equals t.Id
                      join c in db.Customers on t.CustomerId equals c.Id
                      orderby t.CompletedUtc, a.Point
                      select new FeedbackRow(t.Id, t.CompletedUtc!.Value, t.Kind, c.Id, c.Name, a.Point, a.Text);
        AnswerCount = await answers.CountAsync(cancellationToken);
        Answers = await answers.Take(answerLimit).ToListAsync(cancellationToken);
    }
}

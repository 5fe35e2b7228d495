using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.Letters;

/// <summary>
/// The thank-you letter as staff print it: one delivery's letter, the day's batch, marking it
/// sent (which completes the letter task), and who may do that.
/// </summary>
public sealed class ThankYouLetterPageTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_letter_is_a_pdf_shown_inline_under_a_chinese_file_name_and_every_print_is_logged()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var yesterday = factory.Clock.Today.AddDays(-1);
        var delivery = await DeliverAsync(factory, "王建华", salespersonId, yesterday.ToDateTime(new TimeOnly(16, 30)), model: "凯美瑞双擎");
        await factory.RunJobAsync();
        var letterTask = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.ThankYouLetter);
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);

        // The letter task's page links it.
        var taskPage = await salesperson.GetHtmlAsync($"/FollowUps/{letterTask.Id}");
        Assert.Contains($"href=\"/Letters/ThankYou/{delivery.Delivery.Id}\"", Html.Section(taskPage, "letter-card"), StringComparison.Ordinal);

        using var response = await salesperson.GetAsync($"/Letters/ThankYou/{delivery.Delivery.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("感谢信_王建华_20261123.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", string.Join(";", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(pdf.GetPages());
        var text = Compact(page.Text);
        Assert.Contains("尊敬的王先生：", text, StringComparison.Ordinal);
        Assert.Contains("车主：王建华", text, StringComparison.Ordinal);
        Assert.Contains("丰田凯美瑞双擎", text, StringComparison.Ordinal);
        Assert.Contains("吴婷婷", text, StringComparison.Ordinal);
        Assert.Contains("13600000006", text, StringComparison.Ordinal);
        Assert.Contains("2026年11月23日", text, StringComparison.Ordinal);
        Assert.Contains("2026年11月22日", text, StringComparison.Ordinal);

        using (var again = await salesperson.GetAsync($"/Letters/ThankYou/{delivery.Delivery.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var printed = (await TaskAsync(factory, letterTask.Id)).Log.Where(e => e.Action == FollowUpAction.LetterPrinted).ToList();
        Assert.Equal(2, printed.Count);
        Assert.All(printed, e => Assert.Equal("salesperson", e.UserName));
        Assert.Equal(FollowUpStatus.Open, (await TaskAsync(factory, letterTask.Id)).Status);
        Assert.Contains("打印感谢信", Html.Section(await salesperson.GetHtmlAsync($"/FollowUps/{letterTask.Id}"), "task-log"), StringComparison.Ordinal);

        using var missing = await salesperson.GetAsync("/Letters/ThankYou/99999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_batch_prints_the_days_letters_not_yet_sent_one_page_each_and_all_of_them_when_asked()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var colleagueId = await CustomerTestData.UserIdAsync(factory, "salesperson2");
        var tomorrow = factory.Clock.Today.AddDays(1);
        // Delivered today: their letters are due tomorrow.
        var mine = new[]
        {
            await DeliverAsync(factory, "批量甲", salespersonId, factory.Clock.Today.ToDateTime(new TimeOnly(8, 0)), model: "批量车型甲"),
            await DeliverAsync(factory, "批量乙", colleagueId, factory.Clock.Today.ToDateTime(new TimeOnly(9, 0)), model: "批量车型乙", gender: Gender.Female),
            await DeliverAsync(factory, "批量丙", salespersonId, factory.Clock.Today.ToDateTime(new TimeOnly(9, 30)), model: "批量车型丙"),
        };
        await factory.RunJobAsync();
        var start = factory.Clock.StartOfDayUtc(tomorrow);
        var end = factory.Clock.StartOfDayUtc(tomorrow.AddDays(1));
        // One of them has gone out already (marked sent from the salesperson's task).
        var sentLetter = await TaskOfAsync(factory, mine[2].Customer.Id, FollowUpKind.ThankYouLetter);
        await factory.WithDbAsync(async db =>
        {
            var task = await db.FollowUpTasks.SingleAsync(t => t.Id == sentLetter.Id);
            task.MarkLetterSent(salespersonId, "salesperson", factory.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var due = await factory.WithDbAsync(db => db.FollowUpTasks
            .Where(t => t.Kind == FollowUpKind.ThankYouLetter && t.DueUtc >= start && t.DueUtc < end && t.Status != FollowUpStatus.Cancelled)
            .OrderBy(t => t.DueUtc).Select(t => new { t.Id, t.CustomerId, t.Status }).ToListAsync());
        Assert.Superset(mine.Select(d => d.Customer.Id).ToHashSet(), due.Select(d => d.CustomerId).ToHashSet());
        var unsent = due.Where(d => d.Status == FollowUpStatus.Open).ToList();
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);

        var html = await manager.GetHtmlAsync($"/Letters/Batch?date={Iso(tomorrow)}");

        var rows = TableRows(Html.Section(html, "batch-letters"));
        Assert.Equal(due.Count, rows.Count);
        Assert.Contains(rows, r => r[0].StartsWith("批量乙", StringComparison.Ordinal) && r[1] == "丰田 批量车型乙" && r[3] == "刘洋" && r[4] == "未寄出");
        Assert.Contains(rows, r => r[0].StartsWith("批量丙", StringComparison.Ordinal) && r[4] == "已寄出");
        Assert.Contains($"打印未寄出的 {unsent.Count} 封", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains($"全部打印（含已寄出，共 {due.Count} 封）", Html.Text(html), StringComparison.Ordinal);

        using var response = await manager.GetAsync($"/Letters/Batch?handler=Pdf&date={Iso(tomorrow)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("inline", $"感谢信_{tomorrow:yyyyMMdd}.pdf"), (response.Content.Headers.ContentDisposition!.DispositionType, response.Content.Headers.ContentDisposition.FileNameStar));
        using (var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(unsent.Count, pdf.NumberOfPages);
            var pages = pdf.GetPages().Select(p => Compact(p.Text)).ToList();
            Assert.Single(pages, p => p.Contains("批量车型甲", StringComparison.Ordinal) && p.Contains("尊敬的批先生：", StringComparison.Ordinal));
            Assert.Single(pages, p => p.Contains("批量车型乙", StringComparison.Ordinal) && p.Contains("尊敬的批女士：", StringComparison.Ordinal) && p.Contains("销售顾问：刘洋", StringComparison.Ordinal));
            Assert.DoesNotContain(pages, p => p.Contains("批量车型丙", StringComparison.Ordinal));
            Assert.All(pages, p => Assert.Contains($"{factory.Clock.Today.Year}年{factory.Clock.Today.Month}月{factory.Clock.Today.Day}日", p, StringComparison.Ordinal));
        }

        // Each letter of the batch has its print on record; the sent one was not printed again.
        var printed = await factory.WithDbAsync(db => db.FollowUpLog.Where(e => e.Action == FollowUpAction.LetterPrinted && e.UserName == "salesmanager")
            .Select(e => e.TaskId).ToListAsync());
        Assert.Superset(unsent.Select(d => d.Id).ToHashSet(), printed.ToHashSet());
        Assert.DoesNotContain(sentLetter.Id, printed);

        // Asked for all: the sent letter too, to reprint one that went astray.
        using (var all = await manager.GetAsync($"/Letters/Batch?handler=Pdf&date={Iso(tomorrow)}&all=true"))
        {
            using var pdf = PdfDocument.Open(await all.Content.ReadAsByteArrayAsync());
            Assert.Equal(due.Count, pdf.NumberOfPages);
            Assert.Single(pdf.GetPages(), p => Compact(p.Text).Contains("批量车型丙", StringComparison.Ordinal));
        }

        var empty = await manager.GetHtmlAsync("/Letters/Batch?date=2031-01-01");
        Assert.Contains("这一天没有到期的感谢信。", Html.Section(empty, "batch-empty"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_letter_sent_completes_its_task_for_the_owner_or_a_manager_and_nobody_else()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var delivery = await DeliverAsync(factory, "寄信客户", salespersonId, factory.Clock.LocalNow.AddHours(-1));
        var other = await DeliverAsync(factory, "经理代寄客户", salespersonId, factory.Clock.LocalNow.AddHours(-1));
        await factory.RunJobAsync();
        var letter = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.ThankYouLetter);
        var otherLetter = await TaskOfAsync(factory, other.Customer.Id, FollowUpKind.ThankYouLetter);
        var secondCall = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.SecondCall);

        foreach (var login in new[] { "salesperson2", "csagent" })
        {
            using var someoneElse = await factory.SignInAsync(login);
            using var refused = await someoneElse.PostWithTokenAsync($"/Letters/MarkSent?taskId={letter.Id}", new(), await TokenAsync(someoneElse));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(FollowUpStatus.Open, (await TaskAsync(factory, letter.Id)).Status);

        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var page = await salesperson.GetHtmlAsync($"/FollowUps/{letter.Id}");
        Assert.True(Html.Has(page, "mark-sent"));
        using (var notALetter = await salesperson.PostWithTokenAsync($"/Letters/MarkSent?taskId={secondCall.Id}", new(), SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notALetter.StatusCode);
        }

        using (var sent = await salesperson.PostWithTokenAsync($"/Letters/MarkSent?taskId={letter.Id}", new(), SiteClient.AntiforgeryToken(page)))
        {
            Assert.Equal($"/FollowUps/{letter.Id}", sent.Headers.Location!.OriginalString);
            var after = await FollowAsync(salesperson, sent);
            Assert.Equal("已标记为寄出，感谢信任务已完成。", Flash(after));
            Assert.Contains("已完成", Html.Section(after, "task-status"), StringComparison.Ordinal);
            Assert.False(Html.Has(after, "mark-sent"));
        }

        var done = await TaskAsync(factory, letter.Id);
        Assert.Equal((FollowUpStatus.Done, salespersonId, factory.Time.GetUtcNow().UtcDateTime), (done.Status, done.CompletedByUserId, done.CompletedUtc));
        Assert.Single(done.Log, e => e.Action == FollowUpAction.LetterSent);

        // A manager may mark a salesperson's letter, from the day's batch.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var day = Iso(factory.Clock.Today.AddDays(1));
        using (var byManager = await manager.PostWithTokenAsync($"/Letters/MarkSent?taskId={otherLetter.Id}&returnDate={day}", new(), await TokenAsync(manager, $"/Letters/Batch?date={day}")))
        {
            Assert.Equal($"/Letters/Batch?date={day}", byManager.Headers.Location!.OriginalString);
        }

        Assert.Equal((FollowUpStatus.Done, await CustomerTestData.UserIdAsync(factory, "salesmanager")),
            ((await TaskAsync(factory, otherLetter.Id)).Status, (await TaskAsync(factory, otherLetter.Id)).CompletedByUserId));
        var batch = TableRows(Html.Section(await manager.GetHtmlAsync($"/Letters/Batch?date={day}"), "batch-letters"));
        Assert.Contains(batch, r => r[0].StartsWith("经理代寄客户", StringComparison.Ordinal) && r[4] == "已寄出");
    }

    /// <summary>The page's text without the spaces and line breaks the PDF's layout puts in.</summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

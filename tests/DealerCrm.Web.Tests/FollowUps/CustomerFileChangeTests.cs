using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>What merging two files and anonymising a customer do to their follow-ups.</summary>
public sealed class CustomerFileChangeTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task Merging_moves_the_absorbed_customers_tasks_to_the_survivor()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var kept = await DeliverAsync(factory, "合并保留客户", salespersonId, factory.Clock.LocalNow.AddDays(-3));
        var absorbed = await DeliverAsync(factory, "合并并入客户", salespersonId, factory.Clock.LocalNow.AddHours(-1));
        await factory.RunJobAsync();
        var absorbedTasks = await TasksOfCustomerAsync(factory, absorbed.Customer.Id);
        Assert.Equal(3, absorbedTasks.Count);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using var merged = await director.PostFormAsync($"/Customers/{kept.Customer.Id}/Merge?other={absorbed.Customer.Number}",
            new() { ["Input.Reason"] = "同一客户重复建档" });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Empty(await TasksOfCustomerAsync(factory, absorbed.Customer.Id));
        var survivorTasks = await TasksOfCustomerAsync(factory, kept.Customer.Id);
        Assert.Equal(6, survivorTasks.Count);
        Assert.Superset(absorbedTasks.Select(t => t.Id).ToHashSet(), survivorTasks.Select(t => t.Id).ToHashSet());
        Assert.All(survivorTasks.Where(t => absorbedTasks.Any(a => a.Id == t.Id)), t => Assert.Equal(FollowUpStatus.Open, t.Status));

        // The tasks now open on the survivor's file, and a later run of the job adds nothing.
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var secondCall = absorbedTasks.Single(t => t.Kind == FollowUpKind.SecondCall);
        Assert.Contains("合并保留客户", Html.Section(await salesperson.GetHtmlAsync($"/FollowUps/{secondCall.Id}"), "task-customer"), StringComparison.Ordinal);
        await factory.RunJobAsync();
        Assert.Equal(6, (await TasksOfCustomerAsync(factory, kept.Customer.Id)).Count);
        Assert.Empty(await TasksOfCustomerAsync(factory, absorbed.Customer.Id));
    }

    [Fact]
    public async Task Anonymising_cancels_the_open_tasks_and_keeps_the_done_ones()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var delivery = await DeliverAsync(factory, "要求删除信息的客户", salespersonId, factory.Clock.LocalNow.AddDays(-2));
        var sameDay = await DeliverAsync(factory, "同日交车客户", salespersonId, factory.Clock.LocalNow.AddDays(-2));
        await factory.RunJobAsync();
        var letter = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.ThankYouLetter);
        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        using (var sent = await salesperson.PostFormAsync($"/FollowUps/{letter.Id}", new(), $"/Letters/MarkSent?taskId={letter.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using var anonymised = await director.PostFormAsync($"/Customers/{delivery.Customer.Id}/Anonymise",
            new() { ["Input.Reason"] = "客户书面要求删除个人信息", ["Input.ConfirmNumber"] = delivery.Customer.Number });

        Assert.Equal(HttpStatusCode.Redirect, anonymised.StatusCode);
        var tasks = await TasksOfCustomerAsync(factory, delivery.Customer.Id);
        Assert.Equal(3, tasks.Count);
        Assert.Equal(FollowUpStatus.Done, tasks.Single(t => t.Id == letter.Id).Status);
        Assert.All(tasks.Where(t => t.Id != letter.Id), t => Assert.Equal((FollowUpStatus.Cancelled, factory.Time.GetUtcNow().UtcDateTime), (t.Status, t.CompletedUtc)));

        // Gone from every queue; the job does not bring them back; the letter is no longer printed.
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        var ids = tasks.Select(t => t.Id).ToHashSet();
        foreach (var client in new[] { salesperson, manager })
        {
            foreach (var tab in Enum.GetValues<QueueTab>())
            {
                Assert.DoesNotContain(await QueueAsync(client, tab), t => ids.Contains(t.Id));
            }
        }

        await factory.RunJobAsync();
        Assert.Equal(3, await factory.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.CustomerId == delivery.Customer.Id)));
        using var pdf = await salesperson.GetAsync($"/Letters/ThankYou/{delivery.Delivery.Id}");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);

        // Nor is it listed in its day's batch, whose PDF has a page for every letter listed.
        var day = Iso(factory.Clock.LocalDateOf(letter.DueUtc));
        var batch = await manager.GetHtmlAsync($"/Letters/Batch?date={day}");
        Assert.DoesNotContain(delivery.Customer.Number, batch, StringComparison.Ordinal);
        Assert.Contains(sameDay.Customer.Number, batch, StringComparison.Ordinal);
        var listed = TableRows(Html.Section(batch, "batch-letters")).Count;
        using var batchPdf = await manager.GetAsync($"/Letters/Batch?handler=Pdf&date={day}&all=true");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await batchPdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(listed, document.NumberOfPages);
    }
}

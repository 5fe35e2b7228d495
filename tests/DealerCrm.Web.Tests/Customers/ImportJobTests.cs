using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.Customers.Import;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>The import queue: one worker, stopped cleanly at shutdown, and reports that do not pile up.</summary>
public sealed class ImportJobTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    /// <summary>A guard against a hang, not a wait: every await below normally completes in milliseconds.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_finished_import_is_forgotten_once_its_report_has_been_kept_long_enough()
    {
        var jobs = factory.Services.GetRequiredService<ImportJobs>();
        var job = jobs.Start(Plan(CustomerTestData.NewMobile()), null, "csdirector", "keep.csv");
        await job.Completion.WaitAsync(Hang);
        Assert.Equal(ImportState.Done, job.State);

        factory.Time.Advance(ImportJobs.KeepFinishedFor - TimeSpan.FromSeconds(1));
        using (var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector))
        {
            Assert.Contains("已导入 1 位客户、0 辆车。", Html.PlainText(Html.Section(await director.GetHtmlAsync($"/Customers/Import/Progress/{job.Id}"), "import-done")));
        }

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(jobs.Find(job.Id));
        using (var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector))
        {
            using var gone = await director.GetAsync($"/Customers/Import/Progress/{job.Id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
    }

    [Fact]
    public async Task Shutting_down_interrupts_the_running_and_the_queued_imports_without_hanging_and_says_so()
    {
        // A site of its own: this test stops its import worker.
        using var site = new SmallDemoFactory();
        var jobs = site.Services.GetRequiredService<ImportJobs>();
        var worker = site.Services.GetRequiredService<ImportWorker>();
        using var director = await SiteClient.SignedInAsync(site, Roles.CsDirector);
        var (first, second, late) = (CustomerTestData.NewMobile(), CustomerTestData.NewMobile(), CustomerTestData.NewMobile());

        // Another connection holds SQLite's write lock, so the first import cannot write a row
        // until the shutdown has begun; the second waits in the queue behind it.
        await using (var blocker = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await Execute(blocker, "BEGIN IMMEDIATE");
            var running = jobs.Start(Plan(first), null, "csdirector", "running.csv");
            var queued = jobs.Start(Plan(second), null, "csdirector", "queued.csv");
            await running.Started.WaitAsync(Hang);
            Assert.Equal(ImportState.Queued, queued.State);

            var stopping = worker.StopAsync(CancellationToken.None);
            await Execute(blocker, "ROLLBACK");
            await stopping.WaitAsync(Hang);

            Assert.Equal((ImportState.Interrupted, ImportState.Interrupted), (running.State, queued.State));
            Assert.True(running.Completion.IsCompleted && queued.Completion.IsCompleted);
            Assert.Equal((0, 0), (running.CustomersCreated, queued.CustomersCreated));
            Assert.Contains("导入因系统停止而中断，没有任何数据被导入。", Html.Section(await director.GetHtmlAsync($"/Customers/Import/Progress/{queued.Id}"), "import-interrupted"));
        }

        // A confirmation that arrives after the worker has stopped is refused the same way, not left queued.
        var after = jobs.Start(Plan(late), null, "csdirector", "late.csv");
        Assert.Equal(ImportState.Interrupted, after.State);
        Assert.False(await site.WithDbAsync(db => db.Customers.AnyAsync(c => c.Mobile == first || c.Mobile == second || c.Mobile == late)));
    }

    private static ImportPlan Plan(string mobile) =>
        new([new PlannedCustomer(2, CustomerKind.Person, "队列测试" + mobile[^4..], Gender.Unknown, mobile, [], null, null, null, null, SourceChannel.Unknown, [])], []);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

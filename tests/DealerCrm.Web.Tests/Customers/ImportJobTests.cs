using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
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

    [Fact]
    public async Task An_import_that_fails_part_way_keeps_the_batches_it_committed_and_says_how_many()
    {
        // The second batch holds a car already on file: the unique VIN refuses that batch only.
        var vinOnFile = await factory.WithDbAsync(db => db.Vehicles.Select(v => v.Vin).FirstAsync());
        var mobiles = Enumerable.Range(0, ImportWorker.BatchSize + 50).Select(_ => CustomerTestData.NewMobile()).ToList();
        var customers = mobiles.Select((m, i) => new PlannedCustomer(i + 2, CustomerKind.Person, "分批" + m[^4..], Gender.Unknown, m, [], null, null, null, null, SourceChannel.Unknown,
            i == ImportWorker.BatchSize + 20 ? [new PlannedVehicle(vinOnFile, new VehicleDetails(null, "丰田", "凯美瑞", null, RegistrationStatus.NotRegistered, null, null, null, null))] : [])).ToList();
        var job = factory.Services.GetRequiredService<ImportJobs>().Start(new ImportPlan(customers, []), null, "csdirector", "part.csv");
        await job.Completion.WaitAsync(Hang);

        Assert.Equal((ImportState.Failed, ImportWorker.BatchSize, ImportWorker.BatchSize), (job.State, job.Done, job.CustomersCreated));
        var (imported, logged, run) = await factory.WithDbAsync(async db => (
            await db.Customers.Where(c => mobiles.Contains(c.Mobile!)).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(),
            await db.PrivacyLog.Where(e => e.Action == PrivacyAction.Import && e.Details == "part.csv").SumAsync(e => e.RowCount),
            await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == job.Id)));
        Assert.Equal(ImportWorker.BatchSize, imported.Count);
        Assert.Equal(ImportWorker.BatchSize, logged);
        Assert.Equal(("Failed", ImportWorker.BatchSize, imported[0], imported[^1]), (run.State, run.Done, run.FirstNumber, run.LastNumber));

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var report = Html.PlainText(Html.Section(await director.GetHtmlAsync($"/Customers/Import/Progress/{job.Id}"), "import-failed"));
        Assert.Contains("导入中途失败，已完成的批次已保留。", report);
        Assert.Contains($"已导入 {ImportWorker.BatchSize} 位客户、0 辆车（客户编号 {imported[0]} 至 {imported[^1]}），其余 50 位客户未导入。", report);
    }

    [Fact]
    public async Task A_run_no_instance_keeps_alive_is_shown_interrupted_once_its_heartbeat_is_older_than_the_timeout()
    {
        // As another instance stored it, mid-run, just before that instance died.
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var run = new ImportRun(Guid.NewGuid().ToString("N"), "csdirector", 300);
        run.Record("Running", 200, 200, 3, "C2026-000901", "C2026-001100", null, now);
        await factory.WithDbAsync(async db =>
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
        });
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var url = $"/Customers/Import/Progress/{run.Id}";

        factory.Time.Advance(ImportRun.HeartbeatTimeout);
        Assert.Equal("200 / 300", Html.TextOf(await director.GetHtmlAsync(url), "import-progress-count"));

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var page = await director.GetHtmlAsync(url);
        Assert.False(Html.Has(page, "import-progress"));
        var report = Html.PlainText(Html.Section(page, "import-interrupted"));
        Assert.Contains("导入中途中断", report);
        Assert.Contains("已导入 200 位客户、3 辆车（客户编号 C2026-000901 至 C2026-001100），其余 100 位客户未导入。", report);
        using var status = await director.GetAsync(url + "?handler=Status");
        Assert.Contains("\"state\":\"Interrupted\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_import_is_kept_alive_by_each_batch_of_the_running_one_so_no_instance_takes_it_for_dead()
    {
        var jobs = factory.Services.GetRequiredService<ImportJobs>();
        var paused = new[] { Signal(), Signal() };
        var resume = new[] { Signal(), Signal() };
        var batch = 0;
        jobs.AfterBatch = async (_, cancellationToken) =>
        {
            var index = batch++;
            paused[index].TrySetResult();
            await resume[index].Task.WaitAsync(cancellationToken);
        };
        try
        {
            var mobiles = Enumerable.Range(0, ImportWorker.BatchSize + 1).Select(_ => CustomerTestData.NewMobile()).ToList();
            var running = jobs.Start(new ImportPlan(mobiles.Select((m, i) => new PlannedCustomer(i + 2, CustomerKind.Person, "心跳" + m[^4..], Gender.Unknown, m, [], null, null, null, null, SourceChannel.Unknown, [])).ToList(), []),
                null, "csdirector", "long.csv");
            await paused[0].Task.WaitAsync(Hang);
            var queued = jobs.Start(Plan(CustomerTestData.NewMobile()), null, "csdirector", "waiting.csv");

            // The running import's next batch comes four minutes later (a slow disk): the queued run's stored heartbeat moves with it.
            factory.Time.Advance(TimeSpan.FromMinutes(4));
            resume[0].TrySetResult();
            await paused[1].Task.WaitAsync(Hang);
            var beat = factory.Time.GetUtcNow().UtcDateTime;
            var stored = await factory.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == queued.Id));
            Assert.Equal(("Queued", beat), (stored.State, stored.HeartbeatUtc));
            Assert.False(stored.IsOrphaned(beat + ImportRun.HeartbeatTimeout - TimeSpan.FromMinutes(3)));

            // The queued import's own batch runs without a pause.
            jobs.AfterBatch = null;
            resume[1].TrySetResult();
            await queued.Completion.WaitAsync(Hang);
            Assert.Equal((ImportState.Done, ImportState.Done), (running.State, queued.State));
        }
        finally
        {
            jobs.AfterBatch = null;
            foreach (var signal in resume)
            {
                signal.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static ImportPlan Plan(string mobile) =>
        new([new PlannedCustomer(2, CustomerKind.Person, "队列测试" + mobile[^4..], Gender.Unknown, mobile, [], null, null, null, null, SourceChannel.Unknown, [])], []);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Infrastructure.Startup;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.Customers.Import;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// Two instances of the app behind a load balancer on one database file: A in this test process
/// (its fake clock, its services at hand), B a separate OS process started from the build
/// output, its clock started at A's time (<see cref="AppClock"/>), its follow-up job ticking every
/// second and saying so in its log.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public DealerCrmFactory A { get; } = new();

    public AppProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = A.Server;
        B = await AppProcess.StartAsync(A.DatabasePath, new Dictionary<string, string>
        {
            [AppClock.StartSetting] = A.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["Policies:FollowUps:JobIntervalSeconds"] = "1",
            // Each finished tick is a log line the tests wait for.
            ["Serilog:MinimumLevel:Override:DealerCrm.Web.Jobs.JobHost"] = "Debug",
        });
    }

    /// <summary>A's error lines, from its log file (the file sink shares it while A runs).</summary>
    public IReadOnlyList<string> ErrorsOfA()
    {
        var folder = Path.Combine(A.DataDirectory, "logs");
        return !Directory.Exists(folder) ? []
            : Directory.GetFiles(folder).SelectMany(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n').Where(l => l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains("[FTL]", StringComparison.Ordinal)).ToList();
            }).ToList();
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await A.DisposeAsync();
    }
}

/// <summary>
/// Issue 11 point 18 across two OS processes: a sign-in on one instance is valid on the other
/// (data-protection keys in the database) and its antiforgery tokens too; a user changed on one
/// is seen changed in the other's cached staff lists; an import run by one shows its progress,
/// batch by batch, on the other's progress page; both instances' follow-up jobs work over the
/// same new customers at once without an error or a task twice.
/// </summary>
public sealed class TwoInstanceTests(TwoInstances sites, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    /// <summary>A guard against a hang, not a wait.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(1);

    [Fact]
    public Task A_sign_in_and_a_staff_change_on_one_process_hold_on_the_other() => Logged(async () =>
    {
        var (a, b) = (sites.A, sites.B);
        output.WriteLine($"The second instance was healthy {b.StartedIn.TotalSeconds:0.0} s after its process started.");

        // Signed in on A, working on B with the same cookie; and the other way round.
        var adminCookies = new CookieContainer();
        using var adminOnA = Session(a, adminCookies);
        Assert.Equal(HttpStatusCode.Redirect, (await adminOnA.SignInAsync("admin", DemoSeeder.Password)).StatusCode);
        using var adminOnB = SiteClient.Over(b.Client(adminCookies));
        Assert.Contains("admin@demo.local", await adminOnB.GetHtmlAsync("/Admin/Users"), StringComparison.Ordinal);

        var managerCookies = new CookieContainer();
        using var managerOnB = SiteClient.Over(b.Client(managerCookies));
        Assert.Equal(HttpStatusCode.Redirect, (await managerOnB.SignInAsync("salesmanager", DemoSeeder.Password)).StatusCode);
        using var managerOnA = Session(a, managerCookies);

        // Both instances have the salespeople cached for their dropdowns.
        foreach (var site in new[] { managerOnA, managerOnB })
        {
            var before = await site.GetHtmlAsync("/Customers/Create");
            Assert.Contains("吴婷婷", before, StringComparison.Ordinal);
            Assert.DoesNotContain("吴婷婷二", before, StringComparison.Ordinal);
        }

        // A renames a salesperson: B's list shows the new name at its next page.
        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(adminOnA, adminOnA, "吴婷婷二")).StatusCode);
        Assert.Contains("吴婷婷二", await managerOnB.GetHtmlAsync("/Customers/Create"), StringComparison.Ordinal);

        // B renames her back, with the form and its antiforgery token from A: A's list follows.
        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(adminOnA, adminOnB, "吴婷婷")).StatusCode);
        var after = await managerOnA.GetHtmlAsync("/Customers/Create");
        Assert.Contains("吴婷婷", after, StringComparison.Ordinal);
        Assert.DoesNotContain("吴婷婷二", after, StringComparison.Ordinal);

        AssertNoErrors();
    });

    [Fact]
    public Task An_import_on_one_process_shows_each_batch_on_the_other_and_both_jobs_work_its_customers_once() => Logged(async () =>
    {
        var (a, b) = (sites.A, sites.B);
        using var directorOnB = SiteClient.Over(b.Client(new CookieContainer()));
        Assert.Equal(HttpStatusCode.Redirect, (await directorOnB.SignInAsync("csdirector", DemoSeeder.Password)).StatusCode);

        // Customers whose birthday is two days ahead: each gets a greeting task from whichever job sees them first.
        var birthday = DateOnly.FromDateTime(a.Time.GetUtcNow().UtcDateTime).AddDays(2).AddYears(-40);
        var mobiles = Enumerable.Range(0, (2 * ImportWorker.BatchSize) + 50).Select(_ => CustomerTestData.NewMobile()).ToList();
        var plan = new ImportPlan(mobiles.Select((m, i) => new PlannedCustomer(i + 2, CustomerKind.Person, "双实例" + m[^4..], Gender.Unknown, m, [], birthday,
            null, null, null, SourceChannel.Unknown, [])).ToList(), []);

        // A pauses after each batch until B has been looked at: no race between the import and the look.
        var jobs = a.Services.GetRequiredService<ImportJobs>();
        var batches = new[] { NewSignal(), NewSignal(), NewSignal() };
        var resume = new[] { NewSignal(), NewSignal(), NewSignal() };
        var batch = 0;
        jobs.AfterBatch = async (_, cancellationToken) =>
        {
            var index = batch++;
            batches[index].TrySetResult();
            await resume[index].Task.WaitAsync(cancellationToken);
        };
        try
        {
            var import = jobs.Start(plan, null, "csdirector", "two-processes.csv");
            foreach (var (index, done) in new[] { (0, ImportWorker.BatchSize), (1, 2 * ImportWorker.BatchSize) })
            {
                await batches[index].Task.WaitAsync(Hang);
                var page = await directorOnB.GetHtmlAsync($"/Customers/Import/Progress/{import.Id}");
                Assert.Equal($"{done} / {mobiles.Count}", Html.TextOf(page, "import-progress-count"));
                using var status = JsonDocument.Parse(await directorOnB.Http.GetStringAsync($"/Customers/Import/Progress/{import.Id}?handler=Status"));
                Assert.Equal(("Running", done, mobiles.Count),
                    (status.RootElement.GetProperty("state").GetString(), status.RootElement.GetProperty("done").GetInt32(), status.RootElement.GetProperty("total").GetInt32()));
                resume[index].TrySetResult();
            }

            await batches[2].Task.WaitAsync(Hang);
            resume[2].TrySetResult();
            await import.Completion.WaitAsync(Hang);
            Assert.Equal(ImportState.Done, import.State);
            Assert.Contains($"已导入 {mobiles.Count} 位客户", Html.TextOf(await directorOnB.GetHtmlAsync($"/Customers/Import/Progress/{import.Id}"), "import-done"), StringComparison.Ordinal);
        }
        finally
        {
            jobs.AfterBatch = null;
            foreach (var signal in resume)
            {
                signal.TrySetResult();
            }
        }

        // B's job ticks every second (it has been ticking through the import); A's runs by hand, three times, at once.
        var mark = b.LineCount;
        var runsOnA = Task.Run(async () =>
        {
            for (var run = 0; run < 3; run++)
            {
                await using var scope = a.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
            }
        });
        var tickOnB = await b.WaitForLineAsync(mark, l => l.Contains($"Job {FollowUpJob.Name}: run ", StringComparison.Ordinal), Hang);
        await b.WaitForLineAsync(b.LineCount, l => l.Contains($"Job {FollowUpJob.Name}: run ", StringComparison.Ordinal), Hang);
        await runsOnA.WaitAsync(Hang);
        Assert.EndsWith("finished, ok", tickOnB.TrimEnd(), StringComparison.Ordinal);

        var (greetings, tasks, keys) = await a.WithDbAsync(async db => (
            await db.FollowUpTasks.CountAsync(t => t.Kind == FollowUpKind.BirthdayGreeting && db.Customers.Any(c => c.Id == t.CustomerId && mobiles.Contains(c.Mobile!))),
            await db.FollowUpTasks.CountAsync(),
            await db.FollowUpTasks.Select(t => t.Key).Distinct().CountAsync()));
        Assert.Equal(mobiles.Count, greetings);
        Assert.Equal(tasks, keys);
        AssertNoErrors();
    });

    private void AssertNoErrors()
    {
        Assert.Empty(sites.B.Errors);
        Assert.Empty(sites.ErrorsOfA());
    }

    /// <summary>Renames the demo salesperson: the edit form is read on one instance, posted (with its token) to the other.</summary>
    private static async Task<HttpResponseMessage> RenameAsync(SiteClient formFrom, SiteClient postTo, string name)
    {
        var url = await SalespersonEditUrlAsync(formFrom);
        var html = await formFrom.GetHtmlAsync(url);
        return await postTo.PostWithTokenAsync(url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = Html.InputValue(html, "Input.Email") ?? "",
            ["Input.PhoneNumber"] = Html.InputValue(html, "Input.PhoneNumber") ?? "",
            ["Input.Roles"] = "Salesperson",
            ["Input.ConcurrencyStamp"] = Html.InputValue(html, "Input.ConcurrencyStamp") ?? "",
        }, SiteClient.AntiforgeryToken(html));
    }

    private static async Task<string> SalespersonEditUrlAsync(SiteClient admin)
    {
        var users = Html.Parse(await admin.GetHtmlAsync("/Admin/Users"));
        var row = users.QuerySelectorAll("tr").First(r => r.TextContent.Contains("salesperson@demo.local", StringComparison.Ordinal));
        return row.QuerySelectorAll("a").Select(link => link.GetAttribute("href")).First(href => href is not null && href.StartsWith("/Admin/Users/Edit/", StringComparison.Ordinal))!;
    }

    /// <summary>Runs a scenario; when it fails, the other process's whole log goes to the test output.</summary>
    private async Task Logged(Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            output.WriteLine("--- the second instance's log ---");
            output.WriteLine(sites.B.Log);
            throw;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A browser-like session on the in-process instance, its cookies in a jar the other instance's session may share.</summary>
    private static SiteClient Session(WebApplicationFactory<Program> factory, CookieContainer cookies) =>
        SiteClient.Over(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
}

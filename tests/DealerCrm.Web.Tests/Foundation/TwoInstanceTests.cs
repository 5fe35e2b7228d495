using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.Customers.Import;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using DealerCrm.Web.Tests.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>A second instance of the site: its own process state and data folder, the first one's database.</summary>
public sealed class SecondInstanceFactory(string databasePath) : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:DealerCrm"] = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString(),
        ["Demo:Seed"] = "false",
    };
}

/// <summary>
/// Two instances of the app behind a load balancer, on one database file: a sign-in on one is
/// valid on the other (the data-protection keys are in the database), a user changed on one is
/// seen changed in the other's cached staff lists, an import run by one shows its progress page
/// on the other, and both instances' jobs tick side by side without an error or a duplicate task.
/// </summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task Two_instances_on_one_database_share_sign_ins_staff_changes_imports_and_jobs()
    {
        using var first = new DealerCrmFactory();
        _ = first.Server;
        using var second = new SecondInstanceFactory(first.DatabasePath);
        _ = second.Server;

        // Signed in on the first instance, working on the second with the same cookie.
        var adminCookies = new CookieContainer();
        using var adminOnFirst = Session(first, adminCookies);
        Assert.Equal(HttpStatusCode.Redirect, (await adminOnFirst.SignInAsync("admin", DemoSeeder.Password)).StatusCode);
        using var adminOnSecond = Session(second, adminCookies);
        Assert.Contains("吴婷婷", await adminOnSecond.GetHtmlAsync("/Admin/Users"), StringComparison.Ordinal);

        // The second instance has the salespeople cached for its dropdowns; the first renames one.
        var managerCookies = new CookieContainer();
        using var managerOnSecond = Session(second, managerCookies);
        Assert.Equal(HttpStatusCode.Redirect, (await managerOnSecond.SignInAsync("salesmanager", DemoSeeder.Password)).StatusCode);
        var before = await managerOnSecond.GetHtmlAsync("/Customers/Create");
        Assert.Contains("吴婷婷", before, StringComparison.Ordinal);
        Assert.DoesNotContain("吴婷婷二", before, StringComparison.Ordinal);

        var salesperson = await first.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "salesperson"));
        using var saved = await adminOnFirst.PostFormAsync($"/Admin/Users/Edit/{salesperson.Id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "吴婷婷二",
            ["Input.Email"] = salesperson.Email ?? "",
            ["Input.PhoneNumber"] = salesperson.PhoneNumber ?? "",
            ["Input.Roles"] = "Salesperson",
            ["Input.ConcurrencyStamp"] = salesperson.ConcurrencyStamp!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("吴婷婷二", await managerOnSecond.GetHtmlAsync("/Customers/Create"), StringComparison.Ordinal);

        // An import run by the first instance: its progress page answers on the second, with its report.
        var mobile = CustomerTestData.NewMobile();
        var plan = new ImportPlan([new PlannedCustomer(2, CustomerKind.Person, "双实例导入", Gender.Unknown, mobile, [], null, null, null, null, SourceChannel.Unknown, [])], []);
        var import = first.Services.GetRequiredService<ImportJobs>().Start(plan, null, "csdirector", "two-instances.csv");
        using var directorOnSecond = Session(second, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await directorOnSecond.SignInAsync("csdirector", DemoSeeder.Password)).StatusCode);
        await import.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(ImportState.Done, import.State);
        var report = Html.Parse(await directorOnSecond.GetHtmlAsync($"/Customers/Import/Progress/{import.Id}")).QuerySelector("[data-testid='import-done']");
        Assert.NotNull(report);
        Assert.Contains("已导入 1 位客户", report.TextContent, StringComparison.Ordinal);

        // Both instances' jobs tick on the same data, day after day: no error, no task twice.
        var hosts = new[] { first.Services.GetRequiredService<JobHost>(), second.Services.GetRequiredService<JobHost>() };
        foreach (var host in hosts)
        {
            await TickWatch.UntilAsync(host, FollowUpJob.Name, 1);
        }

        var tasksAtStart = await first.WithDbAsync(db => db.FollowUpTasks.CountAsync());
        for (var day = 0; day < 3; day++)
        {
            var ticks = hosts.SelectMany(h => new[] { TickWatch.NextAsync(h, FollowUpJob.Name), TickWatch.NextAsync(h, BackupJob.Name) }).ToList();
            first.Time.Advance(TimeSpan.FromDays(1));
            second.Time.Advance(TimeSpan.FromDays(1));
            foreach (var failure in await Task.WhenAll(ticks))
            {
                Assert.Null(failure);
            }
        }

        var (tasks, keys) = await first.WithDbAsync(async db => (await db.FollowUpTasks.CountAsync(), await db.FollowUpTasks.Select(t => t.Key).Distinct().CountAsync()));
        Assert.True(tasks > tasksAtStart, $"no task fell due in three days ({tasks})");
        Assert.Equal(tasks, keys);
    }

    /// <summary>A browser-like session on one instance, its cookies in a jar that another instance's session may share.</summary>
    private static SiteClient Session(WebApplicationFactory<Program> factory, CookieContainer cookies) =>
        SiteClient.Over(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
}

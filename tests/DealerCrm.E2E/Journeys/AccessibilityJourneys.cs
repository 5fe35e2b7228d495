using DealerCrm.E2E.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>
/// Every page of the site, opened by a user its policy admits, checked with axe. The journeys
/// check the pages they pass through; this sweep also reaches the pages no journey visits, and
/// lists every failing page at once rather than stopping at the first.
/// </summary>
public sealed class AccessibilityJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_axe_violation()
    {
        var ids = await site.Factory.WithDbAsync(async db => new
        {
            Customer = await db.Customers.Where(c => c.Family.Any() && db.Vehicles.Any(v => v.CustomerId == c.Id) && db.ServiceVisits.Any(s => s.CustomerId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            Vehicle = await db.Vehicles.OrderBy(v => v.Id).Select(v => new { v.CustomerId, v.Id }).FirstAsync(),
            Member = await db.FamilyMembers.OrderBy(f => f.Id).Select(f => new { f.CustomerId, f.Id }).FirstAsync(),
            User = await db.Users.Where(u => u.UserName == "csagent").Select(u => u.Id).FirstAsync(),
        });
        var customer = ids.Customer;
        string[] anonymous = ["/Account/Login", "/Account/AccessDenied"];
        (string Login, string[] Urls)[] visits =
        [
            ("admin", ["/", "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/Edit/{ids.User}", $"/Admin/Users/ResetPassword/{ids.User}", "/Admin/Settings", "/Admin/Calendar", "/Admin/Jobs", "/Admin/LetterTemplate", "/Notifications", "/Account/ChangePassword"]),
            ("csdirector", ["/", "/Customers", "/Customers?q=1", "/Customers/Create", $"/Customers/{customer}", $"/Customers/{customer}/Edit", $"/Customers/{customer}/Contact", $"/Customers/{customer}/Audit", $"/Customers/{customer}/Merge", $"/Customers/{customer}/Anonymise", $"/Customers/{customer}/DataExport", $"/Customers/{ids.Member.CustomerId}/Family/{ids.Member.Id}", $"/Customers/{customer}/Family", $"/Customers/{ids.Vehicle.CustomerId}/Vehicles/{ids.Vehicle.Id}", "/Customers/Import", "/FollowUps", "/FollowUps/Overview", "/FollowUps/Report", "/Privacy/RevealLog", "/Letters/Batch"]),
            ("salesmanager", [$"/Customers/{customer}/Deliveries/Record"]),
            ("serviceadvisor", ["/", $"/Customers/{customer}/ServiceVisits/Record"]),
            ("csagent", ["/", "/FollowUps"]),
            ("loungeattendant", ["/"]),
        ];

        var failures = new List<string>();
        var anonymousPage = await site.NewPageAsync();
        foreach (var url in anonymous)
        {
            await CheckAsync(anonymousPage, url, failures);
        }

        await anonymousPage.Context.CloseAsync();
        foreach (var (login, urls) in visits)
        {
            var page = await site.NewPageAsync();
            await page.SignInAsync(login);
            foreach (var url in urls)
            {
                await CheckAsync(page, url, failures);
            }

            // The call page of the first task in the user's queue, when it has one.
            if (login == "csagent")
            {
                var hrefs = await page.Locator("main a[href^='/FollowUps/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                var call = hrefs.FirstOrDefault(h => h.Length > "/FollowUps/".Length && char.IsDigit(h["/FollowUps/".Length]));
                if (call is not null)
                {
                    await CheckAsync(page, call, failures);
                }
            }

            await page.Context.CloseAsync();
        }

        // One line per distinct problem, with the pages it is on: a layout fault shows once, not once a page.
        var distinct = failures.GroupBy(f => f[(f.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .Select(g => g.Key + "\n    on " + string.Join(", ", g.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).Distinct()));
        Assert.True(failures.Count == 0, string.Join("\n", distinct));
    }

    private static async Task CheckAsync(IPage page, string url, List<string> failures)
    {
        var response = await page.GotoAsync(url);
        // The access-denied page answers 403 by design; every other page must open.
        if (response is null || !(response.Ok || (response.Status == 403 && url == "/Account/AccessDenied")))
        {
            failures.Add($"{url}: HTTP {response?.Status}");
            return;
        }

        var result = await page.RunAxe(Options);
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            failures.AddRange(v.Nodes.Select(n => $"{url} [{v.Impact}] {v.Id}: {n.Target}  " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))));
        }
    }
}

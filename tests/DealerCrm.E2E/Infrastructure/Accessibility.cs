using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Infrastructure;

/// <summary>
/// axe-core in the page under test: the WCAG 2.0/2.1 A and AA rules and axe's best practices.
/// A serious or critical violation fails the journey, listed with the elements it found.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Runs axe on the page as it is now and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(Options);
        var failures = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(failures.Count == 0, $"axe on {page.Url}:\n" + Describe(failures));
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("\n", violations.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => "    " + n.Target + "  " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))))));
}

using System.Text.RegularExpressions;
using DealerCrm.Web.Infrastructure.Demo;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Infrastructure;

public static partial class PageActions
{
    [GeneratedRegex("/Account/Login")]
    private static partial Regex SignInPage();

    /// <summary>Signs in through the sign-in page as a demo user, the way a person would.</summary>
    public static async Task SignInAsync(this IPage page, string login, string password = DemoSeeder.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("登录名或邮箱").FillAsync(login);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        // Signed in: off the sign-in page, on a page with the user's menu. Expect polls the page's
        // state; WaitForURLAsync here lost the navigation when it finished between its URL check
        // and its listener (microsoft/playwright-dotnet#3364; seen under load: the home page served,
        // the wait timed out 15 s later).
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeAttachedAsync();
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots for a person to look at.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(Screenshots.Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

public static class Screenshots
{
    /// <summary>TestResults/screenshots at the checkout's root (SCREENSHOT_DIR overrides).</summary>
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var path = Environment.GetEnvironmentVariable("SCREENSHOT_DIR")
                   ?? Path.Combine(DealerCrm.Web.Tests.Infrastructure.RepositoryPaths.Root, "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}

using DealerCrm.Domain.Reporting;
using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Infrastructure.Demo;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

public sealed class SignInJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    public static TheoryData<string> DemoLogins() => [.. DemoSeeder.RoleUsers.Select(u => u.Email)];

    [Theory]
    [MemberData(nameof(DemoLogins))]
    public async Task Each_demo_user_signs_in_and_lands_on_their_home_page(string email)
    {
        var demo = DemoSeeder.RoleUsers.Single(u => u.Email == email);
        var page = await site.NewPageAsync();
        await page.SignInAsync(email);

        if (CockpitScope.IsHomeFor([demo.Role]))
        {
            // The general manager's and the CS director's home is the cockpit.
            await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + "/Cockpit");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "经营驾驶舱", Level = 1 })).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + "/");
            await Assertions.Expect(page.GetByTestId("home-greeting")).ToHaveTextAsync($"{demo.DisplayName}，您好");
            await Assertions.Expect(page.Locator($"[data-role='{demo.Role}']")).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync($"home-{demo.Role}");
        await page.AssertAccessibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_to_English_and_back_works_and_is_remembered()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("csagent@demo.local");

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("home-greeting")).ToHaveTextAsync("Hello, 孙丽娜");

        // Remembered on the next page too.
        await page.GotoAsync("/Account/ChangePassword");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("change-password-english");
        await page.AssertAccessibleAsync();

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改密码" })).ToBeVisibleAsync();
        Assert.Empty(site.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_sign_in_page_is_in_Chinese_and_says_why_a_sign_in_failed()
    {
        var page = await site.NewPageAsync(width: 820, height: 1180);
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.GetByLabel("登录名或邮箱").FillAsync("salesperson");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("登录名或密码不正确");
        await Assertions.Expect(page.GetByLabel("登录名或邮箱")).ToHaveValueAsync("salesperson");
        await page.ScreenshotAsync("login-failed-tablet");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_salesperson_sees_a_clear_403_page_for_the_admin_pages()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("salesperson@demo.local");
        var response = await page.GotoAsync("/Admin/Users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToContainTextAsync("无权访问");
        await page.ScreenshotAsync("forbidden-salesperson");
        await page.AssertAccessibleAsync();
    }
}

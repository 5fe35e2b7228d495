using DealerCrm.E2E.Infrastructure;
using DealerCrm.Web.Infrastructure.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>The administrator keeps the working calendar in the browser: from the navigation to a change in the history.</summary>
public sealed class CalendarJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_administrator_adds_a_make_up_working_day_and_removes_a_holiday_and_sees_both_in_the_history()
    {
        var page = await site.NewPageAsync();
        // The remove button asks first; the administrator says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync("admin@demo.local");

        await page.GetByRole(AriaRole.Button, new() { Name = "系统管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("calendar-summary")).ToContainTextAsync("2026 年：放假 33 天，调休上班 6 天，全年工作日 248 天");

        // A Saturday stock-take worked as a make-up day, refused first on a Tuesday.
        await page.GetByLabel("日期").FillAsync("2026-12-15");
        await page.GetByLabel("类型").SelectOptionAsync("调休上班");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("年终盘点");
        await page.GetByTestId("add-day").ClickAsync();
        await Assertions.Expect(page.GetByTestId("add-form")).ToContainTextAsync("2026-12-15 是星期二，本来就是工作日，不能设为调休上班日。");
        await Assertions.Expect(page.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync("年终盘点");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("日期").FillAsync("2026-12-19");
        await page.GetByTestId("add-day").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已添加 2026-12-19 年终盘点（调休上班）。");
        await Assertions.Expect(page.GetByTestId("day-2026-12-19")).ToContainTextAsync("调休上班");

        // The dealership stays open on the 端午 Saturday.
        await page.GetByTestId("remove-2026-06-20").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已删除 2026-06-20 端午节（放假）。");
        await Assertions.Expect(page.GetByTestId("day-2026-06-20")).ToHaveCountAsync(0);

        var history = page.GetByTestId("calendar-history");
        await Assertions.Expect(history.Locator("li").Nth(0)).ToContainTextAsync("删除 2026-06-20 端午节（放假）");
        await Assertions.Expect(history.Locator("li").Nth(1)).ToContainTextAsync("添加 2026-12-19 年终盘点（调休上班）");
        await Assertions.Expect(history).ToContainTextAsync("陈系统（admin）");
        await Assertions.Expect(page.GetByTestId("calendar-summary")).ToContainTextAsync("放假 32 天，调休上班 7 天，全年工作日 249 天");
        await page.ScreenshotAsync("admin-calendar");
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(820, 1180);
        await page.ScreenshotAsync("admin-calendar-tablet");
        await page.AssertAccessibleAsync();

        var calendar = await site.Factory.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 19)));
        Assert.Null(calendar.Find(new DateOnly(2026, 6, 20)));
        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }
}

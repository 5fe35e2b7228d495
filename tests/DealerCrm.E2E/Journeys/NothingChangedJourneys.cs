using DealerCrm.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DealerCrm.E2E.Journeys;

/// <summary>Issue 12 in the browser: saving a settings form without changing it says so, and writes nothing.</summary>
public sealed class NothingChangedJourneys(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string NothingChanged = "没有修改，无需保存。";

    [Fact]
    public async Task The_administrator_saves_the_letter_template_and_a_holiday_unchanged_and_is_told_nothing_changed()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("admin@demo.local");

        // The template as the page shows it: Chromium sends the textarea's lines back with CRLF.
        await page.GotoAsync("/Admin/LetterTemplate");
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync(NothingChanged);
        await page.AssertAccessibleAsync();

        // One word changed is saved; the saved template sent back as it came is no change.
        var body = page.GetByTestId("template-body");
        await body.FillAsync((await body.InputValueAsync()).Replace("再次感谢您的厚爱！", "再次感谢您的信任！", StringComparison.Ordinal));
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("感谢信模板已保存。");
        var saved = await site.Factory.WithDbAsync(db => db.LetterTemplates.AsNoTracking().SingleAsync());

        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync(NothingChanged);
        await page.ScreenshotAsync("letter-template-nothing-changed");
        await page.AssertAccessibleAsync();
        var after = await site.Factory.WithDbAsync(db => db.LetterTemplates.AsNoTracking().SingleAsync());
        Assert.Equal((saved.Version, saved.UpdatedUtc), (after.Version, after.UpdatedUtc));

        // A holiday "renamed" to its own name: no history line.
        await page.GotoAsync("/Admin/Calendar");
        var changes = await site.Factory.WithDbAsync(db => db.CalendarDayChanges.CountAsync());
        var row = page.GetByTestId("day-2026-10-01");
        await row.GetByRole(AriaRole.Button, new() { Name = "改名" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync(NothingChanged);
        await page.AssertAccessibleAsync();
        Assert.Equal(changes, await site.Factory.WithDbAsync(db => db.CalendarDayChanges.CountAsync()));

        Assert.Empty(site.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }
}

using System.Net;
using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Calendar;

/// <summary>
/// The administrator's working calendar: the 2026 and 2027 schedules are in a new database, a
/// change reaches the calendar deadlines are counted on at once and is kept in the history, bad
/// input is refused with the form kept, and only the administrator may use the page. The tests
/// change the calendar, so the class has a database of its own (and each test its own dates).
/// </summary>
public sealed class CalendarAdminTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private const string Url = "/Admin/Calendar";

    private WorkingCalendarProvider Provider => factory.Services.GetRequiredService<WorkingCalendarProvider>();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_new_database_holds_the_2026_and_2027_schedules_and_the_page_shows_them()
    {
        var stored = await factory.WithDbAsync(db => db.CalendarDays.AsNoTracking().ToListAsync());
        Assert.Equal(
            ChineseHolidaySchedules.Defaults.Select(d => (d.Date, d.Kind, d.Name)),
            stored.OrderBy(d => d.Date).Select(d => (d.Date, d.Kind, d.Name)));

        var calendar = await Provider.GetAsync();
        Assert.True(calendar.IsWorkingDay(D(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(D(2026, 10, 5)));
        Assert.False(calendar.IsWorkingDay(D(2027, 2, 8)));

        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        // The factory's clock stands in 2026: that year is shown first.
        var html = await admin.GetHtmlAsync(Url);
        Assert.Contains("2026 年：放假 33 天，调休上班 6 天，全年工作日 248 天", Html.Section(html, "calendar-summary"), StringComparison.Ordinal);
        var row = Html.PlainText(Html.Section(html, "day-2026-10-10"));
        Assert.Contains("星期六", row, StringComparison.Ordinal);
        Assert.Contains("调休上班", row, StringComparison.Ordinal);
        Assert.Equal("国庆节", Html.InputValue(Html.Section(html, "day-2026-10-10"), "Rename.Name"));
        Assert.Contains("国务院办公厅正式通知发布后", Html.Section(html, "calendar-help"), StringComparison.Ordinal);

        var next = await admin.GetHtmlAsync(Url + "?year=2027");
        Assert.Contains("2027 年：放假 29 天，调休上班 5 天", Html.Section(next, "calendar-summary"), StringComparison.Ordinal);
        Assert.Equal("春节", Html.InputValue(Html.Section(next, "day-2027-02-05"), "Rename.Name"));

        var settings = await admin.GetHtmlAsync("/Admin/Settings");
        Assert.Contains("href=\"/Admin/Calendar\"", Html.Section(settings, "settings-calendar"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> BadDays() => new()
    {
        { "1999-12-31", "Holiday", "元旦", "Add.Date", "日期须在 2000-01-01 至 2100-12-31 之间。" },
        { "2101-01-01", "Holiday", "元旦", "Add.Date", "日期须在 2000-01-01 至 2100-12-31 之间。" },
        { "2026-12-25", "Holiday", "  ", "Add.Name", "请填写名称，如“国庆节”。" },
        { "2026-12-25", "", "圣诞", "Add.Kind", "请选择类型：放假或调休上班。" },
        { "2026-10-01", "Holiday", "国庆节", "Add.Date", "2026-10-01 已在日历中（国庆节，放假）。如需更改，请先删除该日。" },
        { "2026-11-24", "MakeUpWorkday", "补班", "Add.Date", "2026-11-24 是星期二，本来就是工作日，不能设为调休上班日。" },
        { "2026-02-30", "Holiday", "春节", "Add.Date", "“2026-02-30”不是“日期”的有效值。" },
    };

    [Theory]
    [MemberData(nameof(BadDays))]
    public async Task A_bad_day_is_refused_with_a_clear_message_and_the_form_keeps_what_was_typed(string date, string kind, string name, string field, string message)
    {
        var changes = await factory.WithDbAsync(db => db.CalendarDayChanges.CountAsync());
        var days = await factory.WithDbAsync(db => db.CalendarDays.CountAsync());
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);

        using var response = await admin.PostFormAsync(Url, new() { ["Add.Date"] = date, ["Add.Kind"] = kind, ["Add.Name"] = name }, $"{Url}?handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = Html.Section(html, "add-form");
        Assert.Contains(message, ErrorOf(form, field), StringComparison.Ordinal);
        Assert.Equal(date, Html.InputValue(form, "Add.Date"));
        Assert.Equal(name, Html.InputValue(form, "Add.Name"));
        Assert.Equal(kind.Length == 0 ? null : kind, Html.SelectedValue(form, "Add.Kind"));
        Assert.Equal(changes, await factory.WithDbAsync(db => db.CalendarDayChanges.CountAsync()));
        Assert.Equal(days, await factory.WithDbAsync(db => db.CalendarDays.CountAsync()));
    }

    [Fact]
    public async Task A_blank_rename_is_refused_on_its_row_and_a_day_not_listed_cannot_be_removed()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var rename = await admin.PostFormAsync(Url, new() { ["Rename.Date"] = "2026-06-19", ["Rename.Name"] = " " }, $"{Url}?handler=Rename");
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var html = await rename.Content.ReadAsStringAsync();
        var row = Html.Section(html, "day-2026-06-19");
        Assert.Equal("请填写名称，如“国庆节”。", Html.PlainText(Html.Section(row, "rename-error")).Trim());
        Assert.Equal(" ", Html.InputValue(row, "Rename.Name"));
        Assert.Contains("is-invalid", row, StringComparison.Ordinal);

        using var remove = await admin.PostFormAsync(Url, new() { ["Remove.Date"] = "2026-12-26" }, $"{Url}?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Contains("2026-12-26 不在日历中", Html.Section(await remove.Content.ReadAsStringAsync(), "form-errors"), StringComparison.Ordinal);

        var badYear = await admin.GetHtmlAsync(Url + "?year=1850");
        Assert.Contains("年份 1850 超出范围", Html.Section(badYear, "form-errors"), StringComparison.Ordinal);
        Assert.Equal("端午节", (await factory.WithDbAsync(db => db.CalendarDays.SingleAsync(d => d.Date == D(2026, 6, 19)))).Name);
    }

    [Theory]
    [InlineData(Roles.CsDirector)]
    [InlineData(Roles.GeneralManager)]
    [InlineData(Roles.CsAgent)]
    public async Task Only_the_administrator_opens_or_changes_the_calendar(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        var token = SiteClient.AntiforgeryToken(await client.GetHtmlAsync("/Account/ChangePassword"));
        using var page = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
                 {
                     ("Add", new() { ["Add.Date"] = "2026-12-19", ["Add.Kind"] = "MakeUpWorkday", ["Add.Name"] = "越权" }),
                     ("Rename", new() { ["Rename.Date"] = "2026-10-01", ["Rename.Name"] = "越权" }),
                     ("Remove", new() { ["Remove.Date"] = "2026-10-02" }),
                 })
        {
            using var post = await client.PostWithTokenAsync($"{Url}?handler={handler}", fields, token);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.CalendarDayChanges.AnyAsync(c => c.Name == "越权")));
        Assert.True(await factory.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == D(2026, 10, 2))));
    }

    /// <summary>The validation message shown under a field of the add form.</summary>
    private static string ErrorOf(string form, string field)
    {
        var control = System.Text.RegularExpressions.Regex.Match(form, "<(input|select)[^>]*name=\"" + System.Text.RegularExpressions.Regex.Escape(field) + "\"");
        Assert.True(control.Success, $"no control {field}");
        var message = System.Text.RegularExpressions.Regex.Match(form[control.Index..], "field-validation-error[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return message.Success ? System.Net.WebUtility.HtmlDecode(message.Groups[1].Value) : "";
    }
}

/// <summary>Changes to the calendar, on a database of their own (the other tests read the defaults).</summary>
public sealed class CalendarChangeTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private const string Url = "/Admin/Calendar";

    private WorkingCalendarProvider Provider => factory.Services.GetRequiredService<WorkingCalendarProvider>();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Adding_renaming_and_removing_days_change_the_calendar_in_force_at_once_and_are_kept_in_the_history()
    {
        // Read (and so cache) the calendar first: the change must not wait for the cache to expire.
        var before = await Provider.GetAsync();
        Assert.False(before.IsWorkingDay(D(2027, 12, 18)));
        Assert.True(before.IsWorkingDay(D(2027, 12, 24)));
        Assert.False(before.IsWorkingDay(D(2027, 10, 1)));

        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        await PostAsync(admin, "Add", new() { ["Add.Date"] = "2027-12-18", ["Add.Kind"] = "MakeUpWorkday", ["Add.Name"] = "年终盘点" });
        await PostAsync(admin, "Add", new() { ["Add.Date"] = "2027-12-24", ["Add.Kind"] = "Holiday", ["Add.Name"] = "店庆" });
        var removed = await PostAsync(admin, "Remove", new() { ["Remove.Date"] = "2027-10-01" });
        Assert.Contains("已删除 2027-10-01 国庆节（放假）。", Html.PlainText(Html.Section(removed, "flash")), StringComparison.Ordinal);
        await PostAsync(admin, "Rename", new() { ["Rename.Date"] = "2027-12-24", ["Rename.Name"] = "店庆日" });

        var after = await Provider.GetAsync();
        Assert.True(after.IsWorkingDay(D(2027, 12, 18)));
        Assert.False(after.IsWorkingDay(D(2027, 12, 24)));
        Assert.Equal("店庆日", after.Find(D(2027, 12, 24))!.Name);
        Assert.True(after.IsWorkingDay(D(2027, 10, 1)));

        var history = await factory.WithDbAsync(db => db.CalendarDayChanges.AsNoTracking().Where(c => c.Date.Year == 2027).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(
            [
                (CalendarChangeAction.Added, D(2027, 12, 18), CalendarDayKind.MakeUpWorkday, "年终盘点", (string?)null),
                (CalendarChangeAction.Added, D(2027, 12, 24), CalendarDayKind.Holiday, "店庆", null),
                (CalendarChangeAction.Removed, D(2027, 10, 1), CalendarDayKind.Holiday, "国庆节", null),
                (CalendarChangeAction.Renamed, D(2027, 12, 24), CalendarDayKind.Holiday, "店庆日", "店庆"),
            ],
            history.Select(c => (c.Action, c.Date, c.Kind, c.Name, c.OldName)));
        Assert.All(history, c => Assert.Equal(("admin", factory.Time.GetUtcNow().UtcDateTime), (c.UserName, c.AtUtc)));

        var page = await admin.GetHtmlAsync(Url + "?year=2027");
        Assert.False(Html.Has(page, "day-2027-10-01"));
        Assert.Equal("MakeUpWorkday", System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"day-2027-12-18\" data-kind=\"(\\w+)\"").Groups[1].Value);
        var shown = Html.PlainText(Html.Section(page, "calendar-history"));
        Assert.Contains("陈系统（admin）", shown, StringComparison.Ordinal);
        Assert.Contains("添加 2027-12-18 年终盘点（调休上班）", shown, StringComparison.Ordinal);
        Assert.Contains("删除 2027-10-01 国庆节（放假）", shown, StringComparison.Ordinal);
        Assert.Contains("2027-12-24 由“店庆”改名为“店庆日”", shown, StringComparison.Ordinal);
        // Newest first.
        Assert.True(shown.IndexOf("改名", StringComparison.Ordinal) < shown.IndexOf("添加 2027-12-18", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_saved_by_another_instance_is_seen_once_the_copy_in_memory_expires()
    {
        var monday = D(2028, 1, 3);
        Assert.True((await Provider.GetAsync()).IsWorkingDay(monday));
        // Written straight to the database, as another app instance would: this one is not told.
        await factory.WithDbAsync(async db =>
        {
            db.CalendarDays.Add(new CalendarDay(monday, CalendarDayKind.Holiday, "元旦"));
            await db.SaveChangesAsync();
        });

        factory.Time.Advance(WorkingCalendarProvider.MaxAge - TimeSpan.FromSeconds(1));
        Assert.True((await Provider.GetAsync()).IsWorkingDay(monday));
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await Provider.GetAsync()).IsWorkingDay(monday));
    }

    /// <summary>Posts a handler's form as the page would, expects the redirect back, and returns the page it leads to.</summary>
    private static async Task<string> PostAsync(SiteClient admin, string handler, Dictionary<string, string> fields)
    {
        using var response = await admin.PostFormAsync(Url, fields, $"{Url}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode}");
        return await admin.GetHtmlAsync(response.Headers.Location!.OriginalString);
    }
}

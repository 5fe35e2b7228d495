using System.Net;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class AdminUsersTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Fact]
    public async Task The_administrator_creates_a_user_with_roles_who_can_then_sign_in()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var response = await admin.PostFormAsync("/Admin/Users/Create", [
            new("Input.UserName", "zhangsan"),
            new("Input.DisplayName", "张三"),
            new("Input.Email", "zhangsan@example.com"),
            new("Input.PhoneNumber", "020-12345678"),
            new("Input.Roles", Roles.Salesperson),
            new("Input.Roles", Roles.CsAgent),
            new("Input.Password", "Sales#2026x"),
            new("Input.ConfirmPassword", "Sales#2026x"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var user = SiteClient.Anonymous(factory);
        using var signIn = await user.SignInAsync("zhangsan@example.com", "Sales#2026x");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await user.GetHtmlAsync("/");
        Assert.Contains("data-role=\"Salesperson\"", home);
        Assert.Contains("data-role=\"CsAgent\"", home);
    }

    [Fact]
    public async Task A_weak_password_and_no_role_are_refused_in_Chinese_and_the_form_keeps_what_was_typed()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var response = await admin.PostFormAsync("/Admin/Users/Create", [
            new("Input.UserName", "lisi"),
            new("Input.DisplayName", "李四"),
            new("Input.Password", "abc"),
            new("Input.ConfirmPassword", "abc"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请至少选择一个角色", html);
        Assert.Contains("value=\"李四\"", html);

        using var weak = await admin.PostFormAsync("/Admin/Users/Create", [
            new("Input.UserName", "lisi"),
            new("Input.DisplayName", "李四"),
            new("Input.Roles", Roles.CsAgent),
            new("Input.Password", "abcdefgh"),
            new("Input.ConfirmPassword", "abcdefgh"),
        ]);
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要一个数字", weakHtml);
        Assert.Contains("密码至少需要一个大写字母", weakHtml);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "lisi")));
    }

    [Fact]
    public async Task Changing_a_users_roles_and_resetting_a_password_are_audited_with_the_administrators_name()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "csagent2"));

        var editPage = await admin.GetHtmlAsync($"/Admin/Users/Edit/{user.Id}");
        var stamp = Customers.Html.InputValue(editPage, "Input.ConcurrencyStamp") ?? "";
        using var edit = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}", [
            new("Input.DisplayName", "徐静(组长)"),
            new("Input.Roles", Roles.CsAgent),
            new("Input.Roles", Roles.CsDirector),
            new("Input.ConcurrencyStamp", stamp),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        using var reset = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{user.Id}", new()
        {
            ["Input.Password"] = "Reset#2026a",
            ["Input.ConfirmPassword"] = "Reset#2026a",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var trail = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "AppUser" && a.EntityId == user.Id).OrderBy(a => a.Id).ToListAsync());
        var rename = Assert.Single(trail, a => a.ChangesJson.Contains("徐静(组长)"));
        Assert.Equal("admin", rename.UserName);
        Assert.Contains("\"old\":\"徐静\"", rename.ChangesJson);
        // The password change is on record, the hash is not.
        var passwordChange = Assert.Single(trail, a => a.Action == DealerCrm.Domain.Auditing.AuditAction.Modified && a.ChangesJson.Contains("PasswordHash"));
        Assert.DoesNotContain(user.PasswordHash!, passwordChange.ChangesJson);

        // The new role is on record too: who granted which rights to whom.
        var directorRoleId = await factory.WithDbAsync(db => db.Roles.Where(r => r.Name == Roles.CsDirector).Select(r => r.Id).SingleAsync());
        var grant = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "AppUserRole" && a.EntityId == user.Id + "," + directorRoleId));
        Assert.Equal(DealerCrm.Domain.Auditing.AuditAction.Added, grant.Action);
        Assert.Equal("admin", grant.UserName);

        using var signIn = SiteClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync("csagent2", "Reset#2026a")).StatusCode);
    }

    [Fact]
    public async Task A_stale_edit_form_does_not_overwrite_a_newer_change()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "salesperson3"));
        using var stale = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}", [
            new("Input.DisplayName", "旧表单"),
            new("Input.Roles", Roles.Salesperson),
            new("Input.ConcurrencyStamp", "an-old-stamp"),
        ]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("刚被其他人修改过", await stale.Content.ReadAsStringAsync());
        Assert.Equal("黄晓东", (await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).DisplayName);
    }

    [Fact]
    public async Task The_settings_page_lists_the_policy_numbers_with_their_values()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var html = await admin.GetHtmlAsync("/Admin/Settings");
        Assert.Contains("data-setting=\"Policies:Lounge:FinePerViolationYuan\">20<", html);
        Assert.Contains("data-setting=\"Policies:Complaints:Tier2DeadlineHours\">48<", html);
        Assert.Contains("data-setting=\"Policies:FollowUps:SecondCallDueDays\">7<", html);
        Assert.Contains("data-setting=\"Policies:Csi:ServiceQualityWeightPercent\">22<", html);
        Assert.Contains("data-setting=\"Dealership:TimeZone\">Asia/Shanghai<", html);
    }

    [Fact]
    public async Task The_salesperson_filter_follows_the_administrators_changes_at_once()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        using var manager = await SiteClient.SignedInAsync(factory, Roles.SalesManager);
        Assert.DoesNotContain("新销售王五", await SalespersonFilterAsync(manager));

        using (var created = await admin.PostFormAsync("/Admin/Users/Create", [
                   new("Input.UserName", "wangwu"),
                   new("Input.DisplayName", "新销售王五"),
                   new("Input.Roles", Roles.Salesperson),
                   new("Input.Password", "Sales#2026w"),
                   new("Input.ConfirmPassword", "Sales#2026w"),
               ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Contains("新销售王五", await SalespersonFilterAsync(manager));

        // Moved to customer service: no longer a salesperson to filter by.
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "wangwu"));
        var editPage = await admin.GetHtmlAsync($"/Admin/Users/Edit/{user.Id}");
        var stamp = Customers.Html.InputValue(editPage, "Input.ConcurrencyStamp") ?? "";
        using (var edited = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}", [
                   new("Input.DisplayName", "新销售王五"),
                   new("Input.Roles", Roles.CsAgent),
                   new("Input.ConcurrencyStamp", stamp),
               ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.DoesNotContain("新销售王五", await SalespersonFilterAsync(manager));
    }

    /// <summary>The options of the customer list's salesperson filter.</summary>
    private static async Task<string> SalespersonFilterAsync(SiteClient client)
    {
        var html = await client.GetHtmlAsync("/Customers");
        var start = html.IndexOf("id=\"salesperson\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }
}

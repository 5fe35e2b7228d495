using System.Net;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class SignInTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private const string Password = "Strong#Pass1";

    private async Task CreateUserAsync(string userName, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "测试" + userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        await CreateUserAsync("lockme", Roles.CsAgent);
        using var client = SiteClient.Anonymous(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SignInAsync("lockme", "Wrong#Pass" + attempt);
            Assert.Contains("登录名或密码不正确", await wrong.Content.ReadAsStringAsync());
        }

        using var fifth = await client.SignInAsync("lockme", "Wrong#Pass5");
        Assert.Contains("账户已被暂时锁定", await fifth.Content.ReadAsStringAsync());

        // Even the right password is refused while locked.
        using var whileLocked = await client.SignInAsync("lockme", Password);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains("账户已被暂时锁定", await whileLocked.Content.ReadAsStringAsync());

        factory.Time.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await client.SignInAsync("lockme", Password);
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);

        factory.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var afterLockout = await client.SignInAsync("lockme", Password);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
    }

    [Fact]
    public async Task An_unknown_login_is_locked_out_exactly_like_a_real_one()
    {
        // Nothing on the page tells whether the account exists.
        using var client = SiteClient.Anonymous(factory);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SignInAsync("  NoSuch.Person ", "Wrong#Pass" + attempt);
            Assert.Contains("登录名或密码不正确", await wrong.Content.ReadAsStringAsync());
        }

        // The same name, differently written, counts as the same name.
        using var fifth = await client.SignInAsync("nosuch.person", "Wrong#Pass5");
        Assert.Contains("账户已被暂时锁定", await fifth.Content.ReadAsStringAsync());
        using var sixth = await client.SignInAsync("nosuch.person", "Wrong#Pass6");
        Assert.Contains("账户已被暂时锁定", await sixth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_user_with_a_wrong_password_hears_only_that_it_is_wrong()
    {
        await CreateUserAsync("leaver2", Roles.Salesperson);
        await factory.WithDbAsync(async db =>
        {
            db.Users.Single(u => u.UserName == "leaver2").IsDisabled = true;
            await db.SaveChangesAsync();
        });

        using var client = SiteClient.Anonymous(factory);
        using var wrong = await client.SignInAsync("leaver2", "Wrong#Pass1");
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("登录名或密码不正确", html);
        Assert.DoesNotContain("该账户已停用", html);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_is_told_so()
    {
        await CreateUserAsync("leaver", Roles.Salesperson);
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "leaver").Id));

        using var disable = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new(), postUrl: $"/Admin/Users/Edit/{id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        using var client = SiteClient.Anonymous(factory);
        using var response = await client.SignInAsync("leaver", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该账户已停用", await response.Content.ReadAsStringAsync());

        // The user still exists, with the history they made: disabled, never deleted.
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == id).IsDisabled)));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        using var signOut = await client.PostFormAsync("/Account/ChangePassword", new(), postUrl: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_return_url_outside_the_site_is_ignored()
    {
        using var client = SiteClient.Anonymous(factory);
        using var response = await client.PostFormAsync("/Account/Login", new()
        {
            ["Input.Login"] = "csdirector",
            ["Input.Password"] = "Demo#2026",
            ["ReturnUrl"] = "https://evil.example/phish",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

using System.Net;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// Signing out, a password change, disabling and a reset by the administrator end the user's
/// OTHER sessions (a copied cookie, another browser) within the stamp validation interval.
/// </summary>
public sealed class SessionEndTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    private const string Password = "Strong#Pass1";

    /// <summary>The security stamp is checked once a minute; a bit more than that.</summary>
    private static readonly TimeSpan PastValidation = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5);

    private async Task<string> CreateUserAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "测试" + userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.CsAgent);
        return user.Id;
    }

    private async Task<SiteClient> SignedInAsync(string userName)
    {
        var client = SiteClient.Anonymous(factory);
        using var response = await client.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task AssertSentToSignInAsync(SiteClient client)
    {
        factory.Time.Advance(PastValidation);
        using var after = await client.GetAsync("/FollowUps");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_other_session_still_works_when_nothing_happened()
    {
        // The control: the validation alone does not sign anyone out.
        await CreateUserAsync("stays");
        using var first = await SignedInAsync("stays");
        using var second = await SignedInAsync("stays");
        factory.Time.Advance(PastValidation);
        using var page = await second.GetAsync("/FollowUps");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_other_sessions()
    {
        await CreateUserAsync("twobrowsers");
        using var first = await SignedInAsync("twobrowsers");
        using var second = await SignedInAsync("twobrowsers");

        using var signOut = await first.PostFormAsync("/", new(), postUrl: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSentToSignInAsync(second);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        await CreateUserAsync("changer");
        using var first = await SignedInAsync("changer");
        using var second = await SignedInAsync("changer");

        using var change = await first.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "Changed#Pass2",
            ["Input.ConfirmPassword"] = "Changed#Pass2",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        await AssertSentToSignInAsync(second);
        using var own = await first.GetAsync("/FollowUps");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_the_users_sessions()
    {
        var id = await CreateUserAsync("disabled1");
        using var session = await SignedInAsync("disabled1");
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);

        using var disable = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", new(), postUrl: $"/Admin/Users/Edit/{id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        await AssertSentToSignInAsync(session);
    }

    [Fact]
    public async Task A_reset_by_the_administrator_ends_the_users_sessions()
    {
        var id = await CreateUserAsync("resetme");
        using var session = await SignedInAsync("resetme");
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);

        using var reset = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", new()
        {
            ["Input.Password"] = "Reset#2026b",
            ["Input.ConfirmPassword"] = "Reset#2026b",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await AssertSentToSignInAsync(session);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_validation_even_with_an_unchanged_stamp()
    {
        var id = await CreateUserAsync("flagonly");
        using var session = await SignedInAsync("flagonly");
        // Only the flag, as a script on the database might do it: the stamp stays as it was.
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(id);
            user!.IsDisabled = true;
            await db.SaveChangesAsync();
        });

        await AssertSentToSignInAsync(session);
    }
}

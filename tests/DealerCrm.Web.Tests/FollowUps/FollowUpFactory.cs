using DealerCrm.Domain.Common;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// The site with the follow-up job's timer switched off: a test runs the job when it wants to
/// (<see cref="RunJobAsync"/>), so nothing changes behind its back when it moves the clock.
/// The demo data (and its follow-up history) is still generated at start.
/// </summary>
public class FollowUpFactory : DealerCrmFactory
{
    public DealershipClock Clock => Services.GetRequiredService<DealershipClock>();

    /// <summary>
    /// The follow-up job runs when a test says so; so does the survey sampling job, which writes its
    /// tasks to the same table (a tick between two reads would change what a test counts).
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FollowUps"] = "false", ["Jobs:Csi"] = "false" };

    /// <summary>One run of the follow-up job, as a tick of the background service would do it.</summary>
    public async Task<FollowUpJob.Result> RunJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Moves the dealership's clock on (sessions idle longer than 8 hours end, as they would).</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>A new member of staff with the demo password; returns the user's id.</summary>
    public async Task<string> CreateUserAsync(string login, string displayName, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = login,
            Email = login + "@test.local",
            EmailConfirmed = true,
            DisplayName = displayName,
            PhoneNumber = "13900000000",
            CreatedUtc = Time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, DemoSeeder.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        var granted = await users.AddToRolesAsync(user, roles);
        Assert.True(granted.Succeeded, string.Join("; ", granted.Errors.Select(e => e.Code)));
        return user.Id;
    }

    /// <summary>A signed-in session of any user with the demo password.</summary>
    public async Task<SiteClient> SignInAsync(string login)
    {
        var client = SiteClient.Anonymous(this);
        using var response = await client.SignInAsync(login, DemoSeeder.Password);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Sign-in as {login} failed: {response.StatusCode}");
        return client;
    }
}

using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>
/// Makes sure the ten roles exist, and that a fresh production database has one administrator
/// (Bootstrap:AdminUserName / Bootstrap:AdminPassword) so somebody can sign in and create the rest.
/// </summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var adminName = configuration["Bootstrap:AdminUserName"];
        var adminPassword = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(adminName) || string.IsNullOrWhiteSpace(adminPassword) || users.Users.Any())
        {
            return;
        }

        var admin = new AppUser { UserName = adminName, DisplayName = adminName, CreatedUtc = time.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var created = await users.CreateAsync(admin, adminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap administrator could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the bootstrap administrator {UserName}", adminName);
    }
}

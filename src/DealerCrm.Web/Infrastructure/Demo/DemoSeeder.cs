using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>A feature's demo data; run in <see cref="Order"/> after the demo users exist.</summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The demo dealership: one user per role (login &lt;role&gt;@demo.local, password Demo#2026),
/// some extra colleagues so queues and reports have more than one name, then each feature's data.
/// Runs once: a database that already has the demo users is left alone.
/// </summary>
public sealed class DemoSeeder(UserManager<AppUser> users, IEnumerable<IDemoDataSeeder> featureSeeders, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo#2026";

    /// <summary>One user per role, named as staff would be; the login is the role key in lower case.</summary>
    public static IReadOnlyList<DemoUser> RoleUsers { get; } =
    [
        new(Roles.GeneralManager, "赵建国", "13600000001"),
        new(Roles.CsDirector, "钱晓梅", "13600000002"),
        new(Roles.CsAgent, "孙丽娜", "13600000003"),
        new(Roles.ServiceAdvisor, "李强", "13600000004"),
        new(Roles.SalesManager, "周伟", "13600000005"),
        new(Roles.Salesperson, "吴婷婷", "13600000006"),
        new(Roles.DepartmentManager, "郑海涛", "13600000007"),
        new(Roles.TechnicalDirector, "王志刚", "13600000008"),
        new(Roles.LoungeAttendant, "冯小雨", "13600000009"),
        new(Roles.Admin, "陈系统", "13600000010"),
    ];

    /// <summary>More colleagues, so a queue, a ranking or a reassignment has someone to compare with.</summary>
    public static IReadOnlyList<DemoUser> Colleagues { get; } =
    [
        new(Roles.Salesperson, "刘洋", "13600000011", "salesperson2"),
        new(Roles.Salesperson, "黄晓东", "13600000012", "salesperson3"),
        new(Roles.ServiceAdvisor, "杨帆", "13600000013", "serviceadvisor2"),
        new(Roles.CsAgent, "徐静", "13600000014", "csagent2"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(RoleUsers[0].Login) is null)
        {
            foreach (var user in RoleUsers.Concat(Colleagues))
            {
                await CreateAsync(user);
            }

            logger.LogInformation("Created {Count} demo users", RoleUsers.Count + Colleagues.Count);
        }

        foreach (var seeder in featureSeeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    private async Task CreateAsync(DemoUser demo)
    {
        var user = new AppUser
        {
            UserName = demo.Login,
            Email = demo.Email,
            EmailConfirmed = true,
            DisplayName = demo.DisplayName,
            PhoneNumber = demo.Phone,
            // The demo's department manager runs the workshop, so their cockpit has scores (CSI) as well as complaints.
            ManagedDepartment = demo.Role == Roles.DepartmentManager ? ComplaintDepartment.Service : null,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {demo.Login}: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, demo.Role);
    }
}

public sealed record DemoUser(string Role, string DisplayName, string Phone, string? LoginName = null)
{
    /// <summary>The login name: the role key in lower case (csagent), or the colleague's own.</summary>
    public string Login => LoginName ?? Role.ToLowerInvariant();

    public string Email => Login + "@demo.local";
}

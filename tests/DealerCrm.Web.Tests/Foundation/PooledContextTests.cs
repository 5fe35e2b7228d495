using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// The site's DbContext is pooled: one instance serves scope after scope, so nothing of a
/// scope (who acted, an audit in progress) may reach the next one.
/// </summary>
public sealed class PooledContextTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Fact]
    public void The_context_comes_from_a_pool()
    {
        Assert.IsType<PooledDbContextFactory<SqliteDealerCrmDbContext>>(factory.Services.GetRequiredService<IDbContextFactory<SqliteDealerCrmDbContext>>());
    }

    [Fact]
    public async Task Each_scope_audits_its_own_actor_and_a_returned_context_forgets_it()
    {
        var (customerId, current) = await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
            return (customer.Id, customer.SalespersonId);
        });
        var staff = await factory.WithDbAsync(db => db.Users.OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync());
        var another = staff.First(id => id != current);

        DealerCrmDbContext returned;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs("pool-test-user", "wangwu");
            returned = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            await AssignSalespersonAsync(returned, customerId, another);
        }

        Assert.Same(SystemActor.Instance, returned.Actor);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            await AssignSalespersonAsync(db, customerId, null);
        }

        var trail = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Customer) && a.EntityId == customerId.ToString())
            .OrderByDescending(a => a.Id).Take(2).Select(a => a.UserName).ToListAsync());
        Assert.Equal(["system", "wangwu"], trail);
    }

    private static async Task AssignSalespersonAsync(DealerCrmDbContext db, int customerId, string? salespersonId)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.AssignSalesperson(salespersonId);
        await db.SaveChangesAsync();
    }
}

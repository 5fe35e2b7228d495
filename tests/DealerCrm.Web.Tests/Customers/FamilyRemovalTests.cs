using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// Removing a family member keeps their record (marked removed, with who and when) and cancels
/// what was planned for them, with why, instead of deleting the row and leaving their birthday
/// greeting in the agents' pool.
/// </summary>
public sealed class FamilyRemovalTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_removed_member_is_kept_as_removed_and_their_open_greeting_is_cancelled_with_why()
    {
        var birthday = factory.Clock.Today.AddDays(3).AddYears(-10);
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "家庭成员移除客户");
        var memberId = await factory.WithDbAsync(async db =>
        {
            var file = await db.Customers.Include(c => c.Family).SingleAsync(c => c.Id == customer.Id);
            var member = file.AddFamilyMember("移除的孩子", FamilyRelation.Child, Gender.Female, birthday, null, factory.Time.GetUtcNow().UtcDateTime.AddDays(-30));
            await db.SaveChangesAsync();
            return member.Id;
        });
        await factory.RunJobAsync();
        var greeting = await factory.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.FamilyMemberId == memberId && t.Kind == FollowUpKind.BirthdayGreeting));
        Assert.Equal(FollowUpStatus.Open, greeting.Status);

        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var removed = await agent.PostFormAsync($"/Customers/{customer.Id}/Family/{memberId}", new(), $"/Customers/{customer.Id}/Family/{memberId}?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var kept = await factory.WithDbAsync(db => db.FamilyMembers.AsNoTracking().SingleAsync(f => f.Id == memberId));
        Assert.True(kept.IsRemoved);
        Assert.Equal("csagent", kept.RemovedBy);
        var cancelled = await FollowUpTestData.TaskAsync(factory, greeting.Id);
        Assert.Equal(FollowUpStatus.Cancelled, cancelled.Status);
        Assert.Contains("移除的孩子", Assert.Single(cancelled.Log, e => e.Action == FollowUpAction.Cancelled).Note, StringComparison.Ordinal);
        Assert.Contains("移除的孩子", await agent.GetHtmlAsync($"/Customers/{customer.Id}"), StringComparison.Ordinal); // the flash, once
        Assert.DoesNotContain("移除的孩子", await agent.GetHtmlAsync($"/Customers/{customer.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/Customers/{customer.Id}/Family/{memberId}")).StatusCode);

        // The job plans nothing more for them.
        factory.Advance(TimeSpan.FromDays(1));
        await factory.RunJobAsync();
        Assert.Equal(1, await factory.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.FamilyMemberId == memberId)));
    }
}

using System.Net;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// Occasions learnt late (issue 11, point 4): a birthday added or corrected on a file the job has
/// already planned, a vehicle entered less than 30 days before its insurance expires, an expiry
/// corrected. Each gets its task while its day has not passed; what a correction replaced is
/// cancelled, with why.
/// </summary>
public sealed class LateFactsTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_family_birthday_corrected_on_the_page_to_three_days_ahead_gets_its_greeting_and_the_replaced_one_is_cancelled()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "补录生日客户");
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using (var added = await agent.PostFormAsync($"/Customers/{customer.Id}/Family", FamilyForm(factory.Clock.Today.AddDays(5).AddYears(-8), "0")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await factory.RunJobAsync();
        var memberId = await factory.WithDbAsync(db => db.FamilyMembers.Where(f => f.CustomerId == customer.Id).Select(f => f.Id).SingleAsync());
        var first = await factory.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.FamilyMemberId == memberId));
        Assert.Equal(factory.Clock.Today.AddDays(5), first.OccasionDate);

        // The date was wrong: it is in three days. Corrected on the member's page.
        var edit = $"/Customers/{customer.Id}/Family/{memberId}";
        var page = await agent.GetHtmlAsync(edit);
        using (var corrected = await agent.PostFormAsync(edit, FamilyForm(factory.Clock.Today.AddDays(3).AddYears(-8), Html.InputValue(page, "Input.Version")!)))
        {
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        }

        await factory.RunJobAsync();
        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.Include(t => t.Log).Where(t => t.FamilyMemberId == memberId).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal(FollowUpStatus.Cancelled, tasks[0].Status);
        Assert.Contains("生日已更改", Assert.Single(tasks[0].Log, e => e.Action == FollowUpAction.Cancelled).Note, StringComparison.Ordinal);
        Assert.Equal((FollowUpStatus.Open, factory.Clock.Today.AddDays(3)), (tasks[1].Status, tasks[1].OccasionDate));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FollowUpRechecks.CountAsync()));
        Assert.Equal(0, (await factory.RunJobAsync()).Created);
    }

    [Fact]
    public async Task A_birthday_added_to_an_existing_file_two_days_ahead_gets_its_greeting_and_visit_and_one_already_past_gets_none()
    {
        var soon = await CustomerTestData.CreateCustomerAsync(factory, "新补生日客户");
        var past = await CustomerTestData.CreateCustomerAsync(factory, "生日已过客户");
        await factory.RunJobAsync();

        await SetBirthdayAsync(soon.Id, factory.Clock.Today.AddDays(2).AddYears(-35));
        await SetBirthdayAsync(past.Id, factory.Clock.Today.AddDays(-1).AddYears(-35));
        await factory.RunJobAsync();

        var kinds = await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.CustomerId == soon.Id).Select(t => t.Kind).OrderBy(k => k).ToListAsync());
        Assert.Equal([FollowUpKind.BirthdayVisit, FollowUpKind.BirthdayGreeting], kinds);
        Assert.Equal(0, await factory.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.CustomerId == past.Id)));
    }

    [Fact]
    public async Task A_vehicle_entered_twenty_days_before_its_insurance_expires_is_reminded_today_and_a_corrected_expiry_replaces_the_reminder()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "临期保险客户");
        await factory.RunJobAsync();
        var vehicle = await factory.WithDbAsync(async db =>
        {
            var added = new Vehicle(customer.Id, CustomerTestData.NewVin(), Details(factory.Clock.Today.AddDays(20)), factory.Time.GetUtcNow().UtcDateTime);
            db.Vehicles.Add(added);
            await db.SaveChangesAsync();
            return added;
        });
        await factory.RunJobAsync();

        var reminder = await factory.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.VehicleId == vehicle.Id));
        Assert.Equal((FollowUpKind.InsuranceRenewal, factory.Clock.Today, FollowUpStatus.Open), (reminder.Kind, reminder.OccasionDate, reminder.Status));

        // The policy on file was last year's; the real one expires in ten days.
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Vehicles.SingleAsync(v => v.Id == vehicle.Id);
            tracked.Update(Details(factory.Clock.Today.AddDays(10)));
            await db.SaveChangesAsync();
        });
        await factory.RunJobAsync();

        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.VehicleId == vehicle.Id).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal([FollowUpStatus.Cancelled, FollowUpStatus.Open], tasks.Select(t => t.Status));
        Assert.EndsWith(factory.Clock.Today.AddDays(10).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), tasks[1].Key, StringComparison.Ordinal);
    }

    private Task SetBirthdayAsync(int customerId, DateOnly birthday) => factory.WithDbAsync(async db =>
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.UpdateProfile(new CustomerProfile(CustomerKind.Person, customer.Name, Gender.Male, birthday,
            null, PurchasePurpose.Family, SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null));
        await db.SaveChangesAsync();
    });

    private static VehicleDetails Details(DateOnly insuranceExpiry) =>
        new(null, "丰田", "凯美瑞", null, RegistrationStatus.Registered, insuranceExpiry, insuranceExpiry.AddYears(2), null, null);

    private static Dictionary<string, string> FamilyForm(DateOnly birthday, string version) => new()
    {
        ["Input.Name"] = "补录生日的孩子",
        ["Input.Relation"] = nameof(FamilyRelation.Child),
        ["Input.Gender"] = nameof(Gender.Female),
        ["Input.Birthday"] = birthday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Phone"] = "",
        ["Input.Version"] = version,
    };
}

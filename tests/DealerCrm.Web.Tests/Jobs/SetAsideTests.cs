using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Jobs;

/// <summary>The demo users, no demo customers, the job's timer off: each test brings its own rows and runs the job.</summary>
public sealed class SetAsideFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        ["Demo:Customers"] = "0",
    };
}

/// <summary>
/// One bad row must never stop the follow-up job for the whole dealership: it is set aside with
/// its reason, listed for the administrator, every other task is still created, the cursor
/// moves past it and overdue marking still runs; once corrected, a retry takes it up.
/// </summary>
public sealed class SetAsideTests(SetAsideFactory factory) : IClassFixture<SetAsideFactory>
{
    private DealershipClock Clock => factory.Services.GetRequiredService<DealershipClock>();

    [Fact]
    public async Task A_vehicle_with_insurance_expiry_0001_is_set_aside_and_everything_else_still_happens()
    {
        var (good, bad) = await SeedAsync("P1");
        // The form and the import accepted such a date before they were bounded; so may any old row.
        await factory.WithDbAsync(db => db.Vehicles.Where(v => v.Id == bad.VehicleId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.InsuranceExpiry, new DateOnly(1, 1, 1))));

        var result = await RunJobAsync();

        Assert.Equal(1, result.SetAside);
        var row = await factory.WithDbAsync(db => db.SetAsideRows.SingleAsync(r => r.Source == "Vehicle" && r.SourceId == bad.VehicleId));
        Assert.Equal(FollowUpJob.Name, row.Job);
        Assert.Equal(SetAsideStatus.SetAside, row.Status);
        Assert.Contains("0001-01-01", row.Reason, StringComparison.Ordinal);

        // Every other task exists: both deliveries' calls and letters, the good car's renewal reminder.
        var keys = await factory.WithDbAsync(db => db.FollowUpTasks.Select(t => t.Key).ToListAsync());
        foreach (var delivery in new[] { good.DeliveryId, bad.DeliveryId })
        {
            Assert.Contains($"Letter:D{delivery}", keys);
            Assert.Contains($"FirstCall:D{delivery}", keys);
            Assert.Contains($"SecondCall:D{delivery}", keys);
        }

        Assert.Contains(keys, k => k.StartsWith($"Insurance:V{good.VehicleId}:", StringComparison.Ordinal));
        // Overdue marking ran: the first calls were due 24 h after deliveries two days ago.
        Assert.True(await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Key == $"FirstCall:D{good.DeliveryId}").Select(t => t.IsOverdue).SingleAsync()));
        // The cursor went past the bad row: the next run neither fails nor sets it aside again.
        Assert.True(await factory.WithDbAsync(db => db.FollowUpCursors.Select(c => c.LastVehicleId).SingleAsync()) >= bad.VehicleId);
        var again = await RunJobAsync();
        Assert.Equal(0, again.SetAside);
        Assert.Equal(1, await factory.WithDbAsync(db => db.SetAsideRows.Where(r => r.SourceId == bad.VehicleId && r.Source == "Vehicle").Select(r => r.Failures).SingleAsync()));

        // New days keep coming: the day pass never trips over the bad row either.
        factory.Time.Advance(TimeSpan.FromDays(3));
        var later = await RunJobAsync();
        Assert.Equal(0, later.SetAside);
    }

    [Fact]
    public async Task A_row_the_database_cannot_even_read_is_set_aside_and_the_rest_of_its_batch_goes_on()
    {
        var (good, bad) = await SeedAsync("P2");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE Deliveries SET DeliveredAtUtc = 'not a date' WHERE Id = {0}", bad.DeliveryId));

        var result = await RunJobAsync();

        Assert.True(result.SetAside >= 1);
        Assert.True(await factory.WithDbAsync(db => db.SetAsideRows.AnyAsync(r => r.Source == "Delivery" && r.SourceId == bad.DeliveryId)));
        var keys = await factory.WithDbAsync(db => db.FollowUpTasks.Select(t => t.Key).ToListAsync());
        Assert.Contains($"FirstCall:D{good.DeliveryId}", keys);
        Assert.DoesNotContain($"FirstCall:D{bad.DeliveryId}", keys);
        Assert.True(await factory.WithDbAsync(db => db.FollowUpCursors.Select(c => c.LastDeliveryId).SingleAsync()) >= bad.DeliveryId);
    }

    [Fact]
    public async Task The_admin_sees_the_row_retries_it_once_corrected_and_the_job_creates_its_task()
    {
        var (_, bad) = await SeedAsync("P3");
        await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == bad.CustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Birthday, new DateOnly(9999, 12, 31))));
        await RunJobAsync();
        var rowId = await factory.WithDbAsync(db => db.SetAsideRows.Where(r => r.Source == "Customer" && r.SourceId == bad.CustomerId).Select(r => r.Id).SingleAsync());

        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var page = await admin.GetHtmlAsync("/Admin/Jobs");
        Assert.Contains("9999-12-31", page, StringComparison.Ordinal);
        Assert.Contains($"/Customers/{bad.CustomerId}", page, StringComparison.Ordinal);

        // Retried before it is corrected: it fails again and stays set aside, with its count.
        var retry = await admin.PostFormAsync("/Admin/Jobs", new(), $"/Admin/Jobs?handler=Retry&id={rowId}");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await RunJobAsync();
        var failedAgain = await factory.WithDbAsync(db => db.SetAsideRows.SingleAsync(r => r.Id == rowId));
        Assert.Equal((SetAsideStatus.SetAside, 2), (failedAgain.Status, failedAgain.Failures));

        // Corrected (a birthday in three days, inside the job's horizon) and retried: resolved, and the greeting exists.
        var birthday = Clock.Today.AddDays(3).AddYears(-40);
        await factory.WithDbAsync(db => db.Customers.Where(c => c.Id == bad.CustomerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Birthday, birthday)));
        await admin.PostFormAsync("/Admin/Jobs", new(), $"/Admin/Jobs?handler=Retry&id={rowId}");
        Assert.Equal(SetAsideStatus.RetryRequested, await factory.WithDbAsync(db => db.SetAsideRows.Where(r => r.Id == rowId).Select(r => r.Status).SingleAsync()));
        await RunJobAsync();

        Assert.Equal(SetAsideStatus.Resolved, await factory.WithDbAsync(db => db.SetAsideRows.Where(r => r.Id == rowId).Select(r => r.Status).SingleAsync()));
        var greeting = await factory.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.Key == $"BirthdayGreeting:C{bad.CustomerId}:{Clock.Today.AddDays(3):yyyyMMdd}"));
        Assert.Equal(Clock.Today.AddDays(3), greeting.OccasionDate);
    }

    [Fact]
    public async Task Only_the_admin_opens_the_jobs_page()
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/Admin/Jobs")).StatusCode);
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var page = await admin.GetHtmlAsync("/Admin/Jobs");
        Assert.Contains("回访任务生成", page, StringComparison.Ordinal);
    }

    private async Task<FollowUpJob.Result> RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
    }

    private sealed record Seeded(int CustomerId, int VehicleId, int DeliveryId);

    /// <summary>Two customers, each with a car delivered two days ago and insured until a month and a week from now.</summary>
    private async Task<(Seeded Good, Seeded Bad)> SeedAsync(string prefix) => await factory.WithDbAsync(async db =>
    {
        var salesperson = await db.Users.Where(u => u.UserName == "salesperson").Select(u => u.Id).SingleAsync();
        var now = Clock.UtcNow;
        var seeded = new List<Seeded>();
        for (var i = 1; i <= 2; i++)
        {
            seeded.Add(await AddCustomerWithCarAsync(db, $"{prefix}{i}", salesperson, now));
        }

        return (seeded[0], seeded[1]);
    });

    private async Task<Seeded> AddCustomerWithCarAsync(DealerCrmDbContext db, string tag, string salesperson, DateTime now)
    {
        var n = Math.Abs(tag.GetHashCode(StringComparison.Ordinal)) % 100000;
        var customer = new Customer($"C2026{n:000000}", CustomerKind.Person, $"客户{tag}", now.AddDays(-30), "test");
        customer.UpdateProfile(new CustomerProfile(CustomerKind.Person, $"客户{tag}", Gender.Male, new DateOnly(1980, 6, 15),
            null, PurchasePurpose.Family, SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null));
        customer.AssignSalesperson(salesperson);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        var vin = $"LVGBE40K0KG{n:000000}";
        vin = vin[..8] + Vin.CheckDigit(vin) + vin[9..];
        var delivered = now.AddDays(-2);
        var vehicle = new Vehicle(customer.Id, vin, new VehicleDetails(null, "丰田", "凯美瑞", null, RegistrationStatus.Registered,
            Clock.Today.AddDays(35), Clock.Today.AddYears(3), null, null), now);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        var delivery = new Delivery(vehicle.Id, customer.Id, delivered, salesperson, Money.FromYuan(150_000), PaymentMethod.FullPayment, null, now, "test");
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return new Seeded(customer.Id, vehicle.Id, delivery.Id);
    }
}

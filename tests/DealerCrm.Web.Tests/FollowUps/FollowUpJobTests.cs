using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>The real app with the demo users but no demo customers, and the job's timer off: the tests run the job.</summary>
public sealed class JobTestFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        // The survey sampling job writes its tasks to the same table; these tests count the follow-up job's.
        ["Jobs:Csi"] = "false",
        ["Demo:Customers"] = "0",
        // Small batches, so a run has many commits to be interrupted between.
        ["Policies:FollowUps:JobBatchSize"] = "3",
    };
}

public sealed class FollowUpJobTests(JobTestFactory factory) : IClassFixture<JobTestFactory>
{
    private async Task<FollowUpJob.Result> RunJobAsync(Action<FollowUpTask>? shaping = null, CancellationToken cancellationToken = default)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<FollowUpJob>();
        job.Shaping = shaping;
        return await job.RunOnceAsync(cancellationToken);
    }

    private Task<List<string>> KeysAsync() =>
        factory.WithDbAsync(db => db.FollowUpTasks.OrderBy(t => t.Key).Select(t => t.Key).ToListAsync());

    private async Task ResetTasksAsync() => await factory.WithDbAsync(async db =>
    {
        await db.FollowUpLog.ExecuteDeleteAsync();
        await db.FollowUpAnswers.ExecuteDeleteAsync();
        await db.FollowUpTasks.ExecuteDeleteAsync();
        await db.FollowUpCursors.ExecuteDeleteAsync();
    });

    /// <summary>A small dealership: customers with birthdays, family, deliveries over two years (one entered late), service visits, insurance.</summary>
    private async Task SeedAsync(int customers = 12)
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.Customers.AnyAsync())
            {
                return;
            }

            var clock = factory.Services.GetRequiredService<DealershipClock>();
            var salesperson = await db.Users.Where(u => u.UserName == "salesperson").Select(u => u.Id).SingleAsync();
            var advisor = await db.Users.Where(u => u.UserName == "serviceadvisor").Select(u => u.Id).SingleAsync();
            var now = clock.UtcNow;
            for (var i = 1; i <= customers; i++)
            {
                var customer = new Customer($"C2026{i:000000}", CustomerKind.Person, $"客户{i}", now.AddDays(-800), "test");
                customer.UpdateProfile(new CustomerProfile(CustomerKind.Person, $"客户{i}", Gender.Male, new DateOnly(1980 + i, (i % 12) + 1, (i * 3 % 28) + 1),
                    null, PurchasePurpose.Family, SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null));
                customer.UpdateContact(new ContactDetails($"1380000{i:0000}", [], null, null), now, "test");
                customer.AssignSalesperson(salesperson);
                customer.AddFamilyMember($"家人{i}", FamilyRelation.Spouse, Gender.Female, new DateOnly(1985, ((i + 5) % 12) + 1, 15), null, now.AddDays(-400));
                db.Customers.Add(customer);
                await db.SaveChangesAsync();

                var vin = $"LVGBE40K{i % 10}KG{i:000000}";
                vin = vin[..8] + Vin.CheckDigit(vin) + vin[9..];
                var delivered = i == customers ? now.AddDays(-10) : now.AddDays(-i * 61 + 3);
                var vehicle = new Vehicle(customer.Id, vin, new VehicleDetails(null, "丰田", "凯美瑞", null, RegistrationStatus.Registered,
                    clock.LocalDateOf(delivered).AddYears(1), clock.LocalDateOf(delivered).AddYears(3), null, null), delivered);
                db.Vehicles.Add(vehicle);
                await db.SaveChangesAsync();
                db.Deliveries.Add(new Delivery(vehicle.Id, customer.Id, delivered, salesperson, Money.FromYuan(150_000), PaymentMethod.FullPayment, null, now, "test"));
                db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(clock.Today.AddDays(-(i % 5)), 5000 * i, ServiceVisitType.Maintenance,
                    "保养", advisor, Money.FromYuan(600), null, null), now, "test"));
                await db.SaveChangesAsync();
            }
        });
    }

    [Fact]
    public async Task A_run_interrupted_midway_and_run_again_leaves_exactly_the_expected_tasks()
    {
        await SeedAsync();
        await ResetTasksAsync();
        // Planned tasks, kept or left out as past serving: the crash falls halfway through them.
        var planned = 0;
        await RunJobAsync(_ => planned++);
        var expected = await KeysAsync();
        // Batches of three rows: twenty tasks take many commits for the crash to fall between.
        Assert.True(expected.Count > 20, $"only {expected.Count} tasks");

        await ResetTasksAsync();
        using var crash = new CancellationTokenSource();
        var created = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunJobAsync(_ =>
        {
            if (++created == planned / 2)
            {
                crash.Cancel();
            }
        }, crash.Token));
        var partial = await KeysAsync();
        Assert.InRange(partial.Count, 1, expected.Count - 1);

        await RunJobAsync();
        Assert.Equal(expected, await KeysAsync());
    }

    [Fact]
    public async Task Two_instances_running_at_once_neither_duplicate_nor_lose_a_task()
    {
        await SeedAsync();
        await ResetTasksAsync();
        await RunJobAsync();
        var expected = await KeysAsync();

        await ResetTasksAsync();
        var runs = Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await RunJobAsync();
            }
            catch (DbUpdateException)
            {
                // The instance that lost the race on a batch stops; its next tick resumes.
            }
        });
        await Task.WhenAll(runs);
        await RunJobAsync();

        var keys = await KeysAsync();
        Assert.Equal(expected, keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Tasks_on_file_for_rows_past_the_cursor_are_found_after_the_clash_and_not_written_twice()
    {
        await SeedAsync();
        await ResetTasksAsync();
        await RunJobAsync();
        var expected = await KeysAsync();

        // As if another instance had written them: every row is past the cursor again, half its tasks on file.
        var removed = await factory.WithDbAsync(async db =>
        {
            await db.FollowUpCursors.ExecuteDeleteAsync();
            return await db.FollowUpTasks.Where(t => t.Id % 2 == 0).ExecuteDeleteAsync();
        });
        var result = await RunJobAsync();

        Assert.Equal(removed, result.Created);
        Assert.Equal(expected, await KeysAsync());
    }

    [Fact]
    public async Task A_run_with_nothing_new_creates_nothing_and_a_new_day_brings_only_that_days_occasions()
    {
        await SeedAsync();
        await RunJobAsync();
        var before = await KeysAsync();

        var idle = await RunJobAsync();
        Assert.Equal(0, idle.Created);
        Assert.Equal(before, await KeysAsync());

        factory.Time.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        var after = await KeysAsync();
        var clock = factory.Services.GetRequiredService<DealershipClock>();
        var newDay = clock.Today.AddDays(7);
        var added = await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => !before.Contains(t.Key)).ToListAsync());
        Assert.All(added, t => Assert.Equal(newDay, clock.LocalDateOf(t.DueUtc)));
        Assert.Equal(after.Count, before.Count + added.Count);
    }

    [Fact]
    public async Task A_delivery_recorded_days_late_gets_its_tasks_already_overdue()
    {
        await SeedAsync();
        await RunJobAsync();
        var deliveryId = await factory.WithDbAsync(async db =>
        {
            var clock = factory.Services.GetRequiredService<DealershipClock>();
            var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
            var vin = "LVGBE40K0KG900001";
            vin = vin[..8] + Vin.CheckDigit(vin) + vin[9..];
            var vehicle = new Vehicle(customer.Id, vin, new VehicleDetails(null, "丰田", "亚洲龙", null, RegistrationStatus.InProgress, null, null, null, null), clock.UtcNow);
            db.Vehicles.Add(vehicle);
            await db.SaveChangesAsync();
            var delivery = new Delivery(vehicle.Id, customer.Id, clock.UtcNow.AddDays(-5), customer.SalespersonId!, Money.FromYuan(199_800), PaymentMethod.Loan, null, clock.UtcNow, "test");
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
            return delivery.Id;
        });

        await RunJobAsync();
        var tasks = await factory.WithDbAsync(db => db.FollowUpTasks.Where(t => t.DeliveryId == deliveryId).ToListAsync());
        Assert.Equal([FollowUpKind.ThankYouLetter, FollowUpKind.FirstCall, FollowUpKind.SecondCall], tasks.Select(t => t.Kind).Order());
        Assert.All(tasks.Where(t => t.Kind != FollowUpKind.SecondCall), t => Assert.True(t.IsOverdue && t.Status == FollowUpStatus.Open));
        Assert.False(tasks.Single(t => t.Kind == FollowUpKind.SecondCall).IsOverdue);
    }
}

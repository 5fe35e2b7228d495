using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Tests.Jobs;

/// <summary>The demo users only, the job's timer off: the test runs the job once a day.</summary>
public sealed class YearByDayFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        // The survey sampling job writes its tasks to the same table; this test is about the cadence's.
        ["Jobs:Csi"] = "false",
        ["Demo:Customers"] = "0",
    };
}

/// <summary>
/// The job run day by day on the fake clock for more than a year (to March 2028, past a leap
/// day) over facts on every calendar edge: month and year ends, 29 February, deliveries late
/// in the evening, rows added while the year goes by. Each occasion the cadence defines for
/// those days must exist exactly once, due at the instant the cadence gives; nothing else may.
/// The cadence is the one source of the date rules; this checks the job asks it rightly.
/// </summary>
public sealed class YearByDayTests(YearByDayFactory factory) : IClassFixture<YearByDayFactory>
{
    private readonly List<(IFollowUpFacts Facts, DateTime FirstSeenUtc)> _facts = [];
    private int _next;

    private DealershipClock Clock => factory.Services.GetRequiredService<DealershipClock>();

    private FollowUpCadence Cadence => new(factory.Services.GetRequiredService<IOptions<FollowUpPolicy>>().Value, Clock.Zone);

    [Fact]
    public async Task Every_occasion_of_more_than_a_year_is_created_once_on_its_day()
    {
        var (salesperson, advisor) = await StaffAsync();
        // What is on file at go-live.
        await AddDeliveryAsync(Local(2024, 2, 29, 12, 0), salesperson, birthday: new DateOnly(1980, 2, 29), insurance: new DateOnly(2025, 2, 28));
        await AddDeliveryAsync(Local(2025, 12, 31, 23, 30), salesperson, birthday: new DateOnly(1990, 12, 31), insurance: new DateOnly(2026, 12, 31));
        await AddDeliveryAsync(Local(2025, 8, 31, 0, 10), salesperson, birthday: new DateOnly(1985, 1, 1), insurance: new DateOnly(2024, 2, 29));
        await AddDeliveryAsync(Local(2026, 1, 31, 15, 0), salesperson, birthday: new DateOnly(1975, 3, 1), insurance: new DateOnly(2027, 1, 1));
        await AddDeliveryAsync(Local(2026, 10, 31, 9, 0), salesperson, birthday: new DateOnly(2000, 11, 30), insurance: new DateOnly(2026, 3, 31), familyBirthday: new DateOnly(2012, 2, 28));
        await AddDeliveryAsync(Local(2026, 11, 22, 18, 0), salesperson, birthday: new DateOnly(1966, 6, 30), insurance: new DateOnly(2027, 11, 22), familyBirthday: new DateOnly(2016, 2, 29));
        await AddVisitAsync(Clock.Today.AddDays(-2), advisor);
        await AddVisitAsync(Clock.Today.AddDays(-20), advisor);

        var end = new DateOnly(2028, 3, 3);
        for (var day = 0; Clock.Today < end; day++)
        {
            // Rows keep arriving: a delivery at a month's end, a visit, a family member at a leap day.
            if (Clock.Today is { Day: 31 } || Clock.Today is { Month: 2, Day: 28 })
            {
                await AddDeliveryAsync(Clock.UtcNow.AddHours(-1), salesperson, birthday: Clock.Today.AddYears(-30).AddDays(2), insurance: Clock.Today.AddDays(40));
            }

            if (day % 17 == 0)
            {
                await AddVisitAsync(Clock.Today.AddDays(-1), advisor);
            }

            await RunJobAsync();
            factory.Time.Advance(TimeSpan.FromDays(1));
        }

        await RunJobAsync();
        var horizon = await factory.WithDbAsync(db => db.FollowUpCursors.Select(c => c.HorizonDate).SingleAsync());
        var expected = Expected(horizon!.Value);
        var actual = await factory.WithDbAsync(db => db.FollowUpTasks.AsNoTracking()
            .Select(t => new { t.Key, t.DueUtc, t.OccasionDate }).ToListAsync());

        Assert.Equal(actual.Count, actual.Select(t => t.Key).Distinct().Count());
        var missing = expected.Keys.Except(actual.Select(t => t.Key)).Order().ToList();
        var extra = actual.Select(t => t.Key).Except(expected.Keys).Order().ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "not defined by the cadence: " + string.Join(", ", extra));
        foreach (var task in actual)
        {
            var planned = expected[task.Key];
            Assert.True(planned.DueUtc == task.DueUtc && planned.OccasionDate == task.OccasionDate,
                $"{task.Key}: due {task.DueUtc:o} on {task.OccasionDate}, the cadence says {planned.DueUtc:o} on {planned.OccasionDate}");
        }

        // The edges were really crossed: a 29 February birthday greeted on 28 February 2027, and on the day in 2028.
        Assert.Contains(actual, t => t.Key.StartsWith("BirthdayGreeting:", StringComparison.Ordinal) && t.OccasionDate == new DateOnly(2027, 2, 28));
        Assert.Contains(actual, t => t.Key.StartsWith("BirthdayGreeting:", StringComparison.Ordinal) && t.OccasionDate == new DateOnly(2028, 2, 29));
        Assert.Contains(actual, t => t.Key.StartsWith("AnniversaryGreeting:", StringComparison.Ordinal) && t.OccasionDate == new DateOnly(2027, 2, 28));
        Assert.Contains(actual, t => t.Key.StartsWith("Insurance:", StringComparison.Ordinal) && t.OccasionDate == new DateOnly(2027, 1, 29));
        Assert.Contains(actual, t => t.Key.StartsWith("Contact:", StringComparison.Ordinal) && t.OccasionDate == new DateOnly(2027, 2, 28));
    }

    /// <summary>What the cadence defines up to the horizon, less the occasions already over when the job first saw their row.</summary>
    private Dictionary<string, PlannedTask> Expected(DateOnly horizon)
    {
        var cadence = Cadence;
        var expected = new Dictionary<string, PlannedTask>();
        foreach (var (facts, firstSeen) in _facts)
        {
            var planned = facts switch
            {
                DeliveryFacts d => cadence.ForDelivery(d, DateOnly.MinValue, horizon),
                ServiceVisitFacts s => cadence.ForServiceVisit(s, DateOnly.MinValue, horizon),
                BirthdayFacts b => cadence.ForBirthday(b, DateOnly.MinValue, horizon),
                InsuranceFacts i => cadence.ForInsurance(i, DateOnly.MinValue, horizon),
                _ => throw new InvalidOperationException(),
            };
            foreach (var task in planned.Where(t => !cadence.TooLateWhenFirstSeen(t, firstSeen)))
            {
                expected.Add(task.Key, task);
            }
        }

        return expected;
    }

    private async Task RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FollowUpJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, result.SetAside);
    }

    private DateTime Local(int year, int month, int day, int hour, int minute) => Clock.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    private Task<(string Salesperson, string Advisor)> StaffAsync() => factory.WithDbAsync(async db =>
        (await db.Users.Where(u => u.UserName == "salesperson").Select(u => u.Id).SingleAsync(),
         await db.Users.Where(u => u.UserName == "serviceadvisor").Select(u => u.Id).SingleAsync()));

    /// <summary>A customer known since long before, with a birthday, a car, its delivery and insurance, and maybe a family member.</summary>
    private async Task AddDeliveryAsync(DateTime deliveredUtc, string salesperson, DateOnly birthday, DateOnly insurance, DateOnly? familyBirthday = null)
    {
        var now = Clock.UtcNow;
        var knownSince = now.AddYears(-5);
        await factory.WithDbAsync(async db =>
        {
            var n = ++_next;
            var customer = new Customer($"C2020{n:000000}", CustomerKind.Person, $"客户{n}", knownSince, "test");
            customer.UpdateProfile(new CustomerProfile(CustomerKind.Person, $"客户{n}", Gender.Female, birthday,
                null, PurchasePurpose.Family, SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null));
            customer.AssignSalesperson(salesperson);
            var member = familyBirthday is { } fb ? customer.AddFamilyMember($"家人{n}", FamilyRelation.Child, Gender.Male, fb, null, knownSince) : null;
            db.Customers.Add(customer);
            await db.SaveChangesAsync();

            var vin = $"LSVAB4BR{n % 10}NG{n:000000}";
            vin = vin[..8] + Vin.CheckDigit(vin) + vin[9..];
            var vehicle = new Vehicle(customer.Id, vin, new VehicleDetails(null, "大众", "帕萨特", null, RegistrationStatus.Registered, insurance, null, null, null), knownSince);
            db.Vehicles.Add(vehicle);
            await db.SaveChangesAsync();
            var delivery = new Delivery(vehicle.Id, customer.Id, deliveredUtc, salesperson, Money.FromYuan(200_000), PaymentMethod.Loan, null, now, "test");
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();

            var known = Clock.LocalDateOf(knownSince);
            Remember(new DeliveryFacts(delivery.Id, customer.Id, vehicle.Id, deliveredUtc, salesperson, salesperson, true, true));
            Remember(new BirthdayFacts(customer.Id, null, birthday, salesperson, known, true));
            Remember(new InsuranceFacts(vehicle.Id, customer.Id, insurance, known, true));
            if (member is not null)
            {
                Remember(new BirthdayFacts(customer.Id, member.Id, member.Birthday!.Value, null, known, true));
            }
        });
    }

    private async Task AddVisitAsync(DateOnly visitDay, string advisor) => await factory.WithDbAsync(async db =>
    {
        var vehicle = await db.Vehicles.OrderBy(v => v.Id).FirstAsync();
        var visit = new ServiceVisit(vehicle.Id, vehicle.CustomerId, new ServiceVisitDetails(visitDay, 10_000, ServiceVisitType.Maintenance, "保养", advisor, Money.FromYuan(500), null, null), Clock.UtcNow, "test");
        db.ServiceVisits.Add(visit);
        await db.SaveChangesAsync();
        Remember(new ServiceVisitFacts(visit.Id, visit.CustomerId, visit.VehicleId, visitDay, advisor, true));
    });

    /// <summary>The job first sees a row at its next run, which the test makes at this same instant.</summary>
    private void Remember(IFollowUpFacts facts) => _facts.Add((facts, Clock.UtcNow));
}

using System.Globalization;
using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// Made-up customer data that cannot collide with the demo data: mobiles in the 166 range
/// (the demo never uses it), plates of office 粤S, VINs with their check digit and a serial
/// unique in the test run.
/// </summary>
public static class CustomerTestData
{
    private static int _serial;

    public static int NextSerial() => Interlocked.Increment(ref _serial);

    public static string NewMobile() => "166" + NextSerial().ToString("00000000", CultureInfo.InvariantCulture);

    public static string NewPlate()
    {
        const string letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        var serial = NextSerial();
        return "粤S" + letters[serial / 10_000 % letters.Length] + (serial % 10_000).ToString("0000", CultureInfo.InvariantCulture);
    }

    /// <summary>A VIN shaped like a Chinese-built Toyota's (LVG…), with a valid check digit.</summary>
    public static string NewVin()
    {
        var body = "LVGTEST0" + "0" + "T9" + NextSerial().ToString("000000", CultureInfo.InvariantCulture);
        return body[..8] + Vin.CheckDigit(body) + body[9..];
    }

    /// <summary>A VIN with every character right but the check digit.</summary>
    public static string WithWrongCheckDigit(string vin) => vin[..8] + (vin[8] == '1' ? '2' : '1') + vin[9..];

    /// <summary>Writes a customer file (with an optional vehicle) straight to the database, for tests that need their own.</summary>
    public static async Task<Customer> CreateCustomerAsync(
        DealerCrmFactory factory,
        string name,
        string? mobile = null,
        IReadOnlyList<string>? otherPhones = null,
        string? salespersonId = null,
        DateOnly? birthday = null,
        Action<Customer>? more = null)
    {
        await using var scope = factory.Scope(out var db);
        var clock = scope.ServiceProvider.GetRequiredService<DealershipClock>();
        var number = await scope.ServiceProvider.GetRequiredService<CustomerNumberAllocator>().NextAsync(clock.Today.Year, CancellationToken.None);
        var customer = new Customer(number, CustomerKind.Person, name, clock.UtcNow, "test");
        customer.UpdateProfile(new CustomerProfile(CustomerKind.Person, name, Gender.Male, birthday, "工程师", PurchasePurpose.Family,
            SourceChannel.WalkIn, Gender.Unknown, null, null, null, null, null, null));
        customer.UpdateContact(new ContactDetails(mobile ?? NewMobile(), otherPhones ?? [], "广州市天河区测试路1号", null), clock.UtcNow, "test");
        customer.AssignSalesperson(salespersonId);
        more?.Invoke(customer);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    public static async Task<Vehicle> AddVehicleAsync(DealerCrmFactory factory, int customerId, string? plate = null, DateOnly? warrantyExpiry = null, string? vin = null)
    {
        await using var scope = factory.Scope(out var db);
        var clock = scope.ServiceProvider.GetRequiredService<DealershipClock>();
        var vehicle = new Vehicle(customerId, vin ?? NewVin(), new VehicleDetails(plate, "丰田", "凯美瑞", "珍珠白",
            plate is null ? RegistrationStatus.NotRegistered : RegistrationStatus.Registered, null, warrantyExpiry, null, null), clock.UtcNow);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        return vehicle;
    }

    public static async Task<Delivery> AddDeliveryAsync(DealerCrmFactory factory, Vehicle vehicle, string salespersonLogin, decimal priceYuan, DateTime deliveredUtc)
    {
        var salespersonId = await UserIdAsync(factory, salespersonLogin);
        await using var scope = factory.Scope(out var db);
        var delivery = new Delivery(vehicle.Id, vehicle.CustomerId, deliveredUtc, salespersonId, Money.FromYuan(priceYuan), PaymentMethod.FullPayment, null, deliveredUtc, "test");
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery;
    }

    public static async Task<ServiceVisit> AddVisitAsync(DealerCrmFactory factory, Vehicle vehicle, DateOnly date, int mileage, string workItems, decimal amountYuan)
    {
        var advisorId = await UserIdAsync(factory, "serviceadvisor");
        await using var scope = factory.Scope(out var db);
        var visit = new ServiceVisit(vehicle.Id, vehicle.CustomerId, new ServiceVisitDetails(date, mileage, ServiceVisitType.Maintenance, workItems, advisorId,
            Money.FromYuan(amountYuan), null, null), factory.Time.GetUtcNow().UtcDateTime, "test");
        db.ServiceVisits.Add(visit);
        await db.SaveChangesAsync();
        return visit;
    }

    /// <summary>Adds a family member through the family form, as the CS agent.</summary>
    public static async Task AddFamilyMemberAsync(DealerCrmFactory factory, int customerId, string name, string? phone)
    {
        using var agent = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var added = await agent.PostFormAsync($"/Customers/{customerId}/Family", new()
        {
            ["Input.Name"] = name,
            ["Input.Relation"] = nameof(FamilyRelation.Spouse),
            ["Input.Gender"] = nameof(Gender.Female),
            ["Input.Birthday"] = "1990-05-06",
            ["Input.Phone"] = phone ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    /// <summary>The id of a demo user by login.</summary>
    public static Task<string> UserIdAsync(DealerCrmFactory factory, string login) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    /// <summary>Every phone number the files hold (mobiles, other phones, family phones), as stored and as bare digits.</summary>
    public static async Task<IReadOnlyList<string>> AllPhoneNumbersAsync(DealerCrmFactory factory) =>
        await factory.WithDbAsync(async db =>
        {
            var numbers = await db.Customers.Where(c => c.Mobile != null).Select(c => c.Mobile!).ToListAsync();
            numbers.AddRange(await db.CustomerPhones.Select(p => p.Number).ToListAsync());
            numbers.AddRange(await db.FamilyMembers.Where(f => f.Phone != null).Select(f => f.Phone!).ToListAsync());
            return (IReadOnlyList<string>)numbers.Concat(numbers.Select(n => new string(n.Where(char.IsAsciiDigit).ToArray())))
                .Distinct().ToList();
        });
}

using System.Diagnostics;
using System.Globalization;
using DealerCrm.Bench.Customers.Generator;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Fills a DealerCrm SQLite database with a large dealership: by default 100,000 customers,
// 150,000 vehicles each with its delivery (over the last three years) and 500,000 service visits.
// The database is created and migrated with the app's own migrations; the staff (salespeople,
// service advisors) must already be there: run the app once against the same data folder with
// Demo:Seed=true and Demo:Customers=0 (run.sh does). Entities are built with the domain's
// constructors, so search keys are derived exactly as the app derives them, and written with
// prepared INSERTs made from the EF model (the app's RowInserter), no change tracker, no interceptors.
// Also writes the search queries for the load run, drawn from the generated data.
var settings = Settings.Parse(args);
var total = Stopwatch.StartNew();
var databasePath = Path.Combine(settings.DataDirectory, "dealercrm.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
var options = new DbContextOptionsBuilder<SqliteDealerCrmDbContext>().UseSqlite(connectionString).Options;

await using var db = new SqliteDealerCrmDbContext(options);
var step = Stopwatch.StartNew();
await db.Database.MigrateAsync();
Console.WriteLine($"migrated            {step.Elapsed.TotalSeconds,8:0.0} s  {databasePath}");

if (await db.Customers.AnyAsync())
{
    Console.Error.WriteLine("The database already holds customers; generate into a fresh data folder.");
    return 1;
}

var salespeople = await StaffAsync(db, Roles.Salesperson);
var advisors = await StaffAsync(db, Roles.ServiceAdvisor);
if (salespeople.Count == 0 || advisors.Count == 0)
{
    Console.Error.WriteLine("No salespeople or service advisors: start the app once against this data folder with Demo__Seed=true and Demo__Customers=0.");
    return 1;
}

var clock = new DealershipClock(TimeProvider.System, DealershipClock.FindZone("Asia/Shanghai"));
var now = clock.UtcNow;
var today = clock.Today;
var random = new Random(settings.Seed);
var fake = new FakeData(random);

// ---- Plan: who owns how many vehicles, when each was delivered, when each file was opened.
step.Restart();
var owners = Math.Min(settings.Vehicles, (int)(settings.Customers * 0.93));
var vehicleCounts = new int[settings.Customers];
for (var i = 0; i < owners; i++)
{
    vehicleCounts[i] = 1;
}

for (var extra = settings.Vehicles - owners; extra > 0; extra--)
{
    vehicleCounts[random.Next(owners)]++;
}

var plans = new List<CustomerPlan>(settings.Customers);
for (var i = 0; i < settings.Customers; i++)
{
    var deliveries = Enumerable.Range(0, vehicleCounts[i]).Select(_ => DeliveryTime()).Order().ToList();
    var opened = deliveries.Count > 0
        ? deliveries[0].AddDays(-random.Next(1, 45)).AddHours(-random.Next(0, 5))
        : now.AddDays(-random.Next(0, 90)).AddHours(-random.Next(1, 8));
    plans.Add(new CustomerPlan(opened, deliveries, fake.Pick(salespeople)));
}

// Files are numbered in the order they were opened, per year (C + year + sequence), as the app numbers them.
plans.Sort((a, b) => a.Opened.CompareTo(b.Opened));
var lastNumbers = new SortedDictionary<int, long>();
var customers = new Customer[plans.Count];
for (var i = 0; i < plans.Count; i++)
{
    var plan = plans[i];
    var year = clock.LocalDateOf(plan.Opened).Year;
    var sequence = lastNumbers[year] = lastNumbers.GetValueOrDefault(year) + 1;
    customers[i] = NewCustomer(CustomerNumber.Format(year, sequence), plan);
}

// Vehicles are numbered in delivery order.
var vehicleOrder = plans
    .SelectMany((plan, index) => plan.Deliveries.Select(delivered => (CustomerId: index + 1, Delivered: delivered, plan.Salesperson)))
    .OrderBy(v => v.Delivered)
    .ToList();
var lineup = Lineup.Models;
var vehicles = new Vehicle[vehicleOrder.Count];
var vehicleModels = new int[vehicleOrder.Count];
for (var i = 0; i < vehicleOrder.Count; i++)
{
    var (customerId, delivered, _) = vehicleOrder[i];
    var model = random.Next(lineup.Count);
    vehicleModels[i] = model;
    var day = clock.LocalDateOf(delivered);
    var plate = today.DayNumber - day.DayNumber > 7 ? fake.Plate(lineup[model].Electric) : null;
    var insurance = day.AddYears(1);
    while (insurance < today.AddDays(-20))
    {
        insurance = insurance.AddYears(1);
    }

    vehicles[i] = new Vehicle(customerId, fake.Vin(day.Year), new VehicleDetails(
        plate, "丰田", lineup[model].Name, fake.Pick(Lineup.Colors), plate is null ? RegistrationStatus.InProgress : RegistrationStatus.Registered,
        insurance, day.AddYears(3), day.AddMonths(6), 5000), delivered);
}

var visits = PlanVisits();
Console.WriteLine($"planned             {step.Elapsed.TotalSeconds,8:0.0} s  {customers.Length:N0} customers, {vehicles.Length:N0} vehicles, {visits.Count:N0} visits");

// ---- Write.
step.Restart();
var connection = (SqliteConnection)db.Database.GetDbConnection();
await db.Database.OpenConnectionAsync();
await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");

await WriteAsync("Customers", async () =>
{
    await using var customerRows = new RowInserter<Customer>(db, withKeys: true);
    await using var phoneRows = new RowInserter<CustomerPhone>(db, withKeys: true);
    for (var i = 0; i < customers.Length; i++)
    {
        customerRows.Set(nameof(Customer.Id), i + 1);
        await customerRows.InsertAsync(customers[i], CancellationToken.None);
        foreach (var phone in customers[i].OtherPhones)
        {
            phoneRows.Set(nameof(CustomerPhone.Id), phoneRows.Count + 1);
            phoneRows.Set(nameof(CustomerPhone.CustomerId), i + 1);
            await phoneRows.InsertAsync(phone, CancellationToken.None);
        }
    }

    return customerRows.Count + phoneRows.Count;
});

await WriteAsync("Vehicles", async () =>
{
    await using var rows = new RowInserter<Vehicle>(db, withKeys: true);
    for (var i = 0; i < vehicles.Length; i++)
    {
        rows.Set(nameof(Vehicle.Id), i + 1);
        await rows.InsertAsync(vehicles[i], CancellationToken.None);
    }

    return rows.Count;
});

await WriteAsync("Deliveries", async () =>
{
    await using var rows = new RowInserter<Delivery>(db, withKeys: true);
    for (var i = 0; i < vehicles.Length; i++)
    {
        var (customerId, delivered, salesperson) = vehicleOrder[i];
        var price = lineup[vehicleModels[i]].Price - (random.Next(0, 16) * 1000);
        var recorded = delivered.AddHours(1) > now ? now : delivered.AddHours(1);
        rows.Set(nameof(Delivery.Id), i + 1);
        await rows.InsertAsync(new Delivery(i + 1, customerId, delivered, salesperson.Id, Money.FromYuan(price),
            fake.Chance(0.4) ? PaymentMethod.Loan : PaymentMethod.FullPayment, null, recorded, salesperson.UserName), CancellationToken.None);
    }

    return rows.Count;
});

await WriteAsync("ServiceVisits", async () =>
{
    await using var rows = new RowInserter<ServiceVisit>(db, withKeys: true);
    for (var i = 0; i < visits.Count; i++)
    {
        var visit = visits[i];
        var vehicle = vehicles[visit.Vehicle];
        var job = Lineup.Jobs[visit.Job];
        var advisor = advisors[visit.Advisor];
        DateOnly? next = job.Type == ServiceVisitType.Maintenance ? visit.Date.AddMonths(6) : null;
        var recorded = clock.StartOfDayUtc(visit.Date).AddHours(17);
        rows.Set(nameof(ServiceVisit.Id), i + 1);
        await rows.InsertAsync(new ServiceVisit(visit.Vehicle + 1, vehicle.CustomerId, new ServiceVisitDetails(
            visit.Date, visit.Mileage, job.Type, job.Work, advisor.Id, Money.FromYuan(visit.AmountYuan),
            next, next is null ? null : visit.Mileage + 5000), recorded > now ? now : recorded, advisor.UserName), CancellationToken.None);
    }

    return rows.Count;
});

// The app's number allocator carries on after the generated numbers.
using (var transaction = connection.BeginTransaction())
{
    foreach (var (year, last) in lastNumbers)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "NumberSequences" ("Name", "LastValue", "Version") VALUES ($name, $last, 0)
            ON CONFLICT ("Name") DO UPDATE SET "LastValue" = max("LastValue", excluded."LastValue")
            """;
        command.Parameters.AddWithValue("$name", CustomerNumber.SequenceName(year));
        command.Parameters.AddWithValue("$last", last);
        command.ExecuteNonQuery();
    }

    transaction.Commit();
}

await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
await db.Database.CloseConnectionAsync();
var written = step.Elapsed.TotalSeconds;

// ---- Queries for the load run, drawn from the data.
step.Restart();
var queryCount = WriteQueries();
Console.WriteLine($"queries             {step.Elapsed.TotalSeconds,8:0.0} s  {queryCount:N0} in {settings.QueriesDirectory}");

var size = new FileInfo(databasePath).Length + (File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0);
Console.WriteLine($"written             {written,8:0.0} s");
Console.WriteLine($"total               {total.Elapsed.TotalSeconds,8:0.0} s  database {size / 1024.0 / 1024.0:0.0} MB");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"SUMMARY customers={customers.Length} phones={customers.Sum(c => c.OtherPhones.Count)} vehicles={vehicles.Length} deliveries={vehicles.Length} visits={visits.Count} seconds={total.Elapsed.TotalSeconds:0.0} megabytes={size / 1024.0 / 1024.0:0.0}"));
return 0;

// One transaction per table (and its children), timed; the rows go through the app's own RowInserter.
async Task WriteAsync(string tables, Func<Task<int>> body)
{
    var watch = Stopwatch.StartNew();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var rows = await body();
    await transaction.CommitAsync();
    Console.WriteLine($"{tables,-20}{watch.Elapsed.TotalSeconds,8:0.0} s  {rows,9:N0} rows");
}

// Spread over three years, a few today (before now) and yesterday; shop hours, local time.
DateTime DeliveryTime()
{
    var roll = random.NextDouble();
    var daysAgo = roll < 0.005 ? 0 : roll < 0.01 ? 1 : random.Next(2, 3 * 365);
    var local = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(random.Next(9, 18), random.Next(0, 4) * 15));
    var utc = clock.ToUtc(local);
    return utc > now ? now.AddMinutes(-random.Next(30, 120)) : utc;
}

Customer NewCustomer(string number, CustomerPlan plan)
{
    var company = fake.Chance(0.08);
    var gender = fake.Chance(0.58) ? Gender.Male : Gender.Female;
    var name = company ? fake.CompanyName() : fake.PersonName(gender);
    var prospect = plan.Deliveries.Count == 0;
    var model = fake.Pick(Lineup.Models);
    var customer = new Customer(number, company ? CustomerKind.Company : CustomerKind.Person, name, plan.Opened, plan.Salesperson.UserName);
    customer.UpdateProfile(new CustomerProfile(
        customer.Kind, name, company ? Gender.Unknown : gender,
        company || fake.Chance(0.3) ? null : new DateOnly(random.Next(1960, 2004), random.Next(1, 13), random.Next(1, 29)),
        company ? null : fake.Occupation(),
        company ? PurchasePurpose.Business : fake.Chance(0.8) ? PurchasePurpose.Family : PurchasePurpose.Commuting,
        (SourceChannel)random.Next(1, 7),
        company ? fake.Pick([Gender.Male, Gender.Female]) : Gender.Unknown,
        company ? fake.Pick(["采购经理", "行政主管", "总经理", "车队主管"]) : null,
        prospect ? model.Name : null,
        prospect ? Money.FromYuan(model.Price - 30_000) : null,
        prospect ? Money.FromYuan(model.Price + 20_000) : null,
        prospect ? fake.Pick(["关注油耗和保值率", "希望年底前提车", "比较贷款方案", "想试驾后再决定"]) : null,
        null));
    var otherPhones = fake.Chance(0.15) ? new[] { fake.Landline() } : [];
    customer.UpdateContact(
        new ContactDetails(fake.Mobile(), otherPhones, fake.Address(), company ? fake.PersonName(fake.Pick([Gender.Male, Gender.Female])) : null),
        plan.Opened, plan.Salesperson.UserName);
    customer.AssignSalesperson(plan.Salesperson.Id);
    return customer;
}

// Visits in proportion to each vehicle's age (the first about a month after delivery), then
// evened out to the exact total; numbered in date order, as they would have been recorded.
List<VisitPlan> PlanVisits()
{
    var ages = vehicles.Select(v => Math.Max(0, today.DayNumber - clock.LocalDateOf(v.CreatedUtc).DayNumber - 30)).ToArray();
    var interval = ages.Sum(a => (double)a) / settings.Visits;
    var perVehicle = ages.Select(a => (int)((a / interval) + random.NextDouble())).ToArray();
    for (var left = settings.Visits - perVehicle.Sum(); left != 0;)
    {
        var v = random.Next(perVehicle.Length);
        if (left > 0 && ages[v] > (perVehicle[v] + 1) * 20)
        {
            perVehicle[v]++;
            left--;
        }
        else if (left < 0 && perVehicle[v] > 0)
        {
            perVehicle[v]--;
            left++;
        }
    }

    var list = new List<VisitPlan>(settings.Visits);
    for (var v = 0; v < vehicles.Length; v++)
    {
        var first = clock.LocalDateOf(vehicles[v].CreatedUtc).AddDays(30);
        var kmPerDay = random.Next(25, 80);
        var slot = perVehicle[v] == 0 ? 0 : ages[v] / (double)perVehicle[v];
        for (var j = 0; j < perVehicle[v]; j++)
        {
            var date = first.AddDays((int)((j + random.NextDouble()) * slot));
            var job = fake.Chance(0.75) ? random.Next(0, 2) : random.Next(Lineup.Jobs.Count);
            var mileage = ((date.DayNumber - first.DayNumber + 30) * kmPerDay) + random.Next(0, 500);
            list.Add(new VisitPlan(v, date, mileage, job, random.Next(advisors.Count), random.Next(Lineup.Jobs[job].MinYuan, Lineup.Jobs[job].MaxYuan + 1)));
        }
    }

    list.Sort((a, b) => a.Date.CompareTo(b.Date));
    return list;
}

// Realistic search box input, each kind equally often: the last 4 digits of a mobile, a whole
// mobile, a whole plate, a plate's tail, the last 6 of a VIN, a surname and one more character,
// a customer number. One URL per line, shuffled; and one file per kind for a breakdown.
int WriteQueries()
{
    var sample = new Random(settings.Seed + 1);
    Customer AnyCustomer() => customers[sample.Next(customers.Length)];
    Vehicle PlatedVehicle()
    {
        Vehicle vehicle;
        do
        {
            vehicle = vehicles[sample.Next(vehicles.Length)];
        }
        while (vehicle.Plate is null);
        return vehicle;
    }

    string Person()
    {
        Customer customer;
        do
        {
            customer = AnyCustomer();
        }
        while (customer.Kind != CustomerKind.Person);
        return customer.Name[..2];
    }

    var kinds = new (string Kind, Func<string> Query)[]
    {
        ("mobile4", () => AnyCustomer().Mobile![^4..]),
        ("mobile", () => AnyCustomer().Mobile!),
        ("plate", () => PlatedVehicle().Plate!),
        ("platetail", () => PlatedVehicle().Plate![^5..]),
        ("vin6", () => vehicles[sample.Next(vehicles.Length)].Vin[^6..]),
        ("name", Person),
        ("number", () => AnyCustomer().Number),
    };

    Directory.CreateDirectory(settings.QueriesDirectory);
    var all = new List<string>();
    foreach (var (kind, query) in kinds)
    {
        var urls = Enumerable.Range(0, settings.QueriesPerKind).Select(_ => "/Customers?q=" + Uri.EscapeDataString(query())).ToList();
        File.WriteAllLines(Path.Combine(settings.QueriesDirectory, $"queries-{kind}.txt"), urls);
        all.AddRange(urls);
    }

    var shuffled = all.OrderBy(_ => sample.Next()).ToList();
    File.WriteAllLines(Path.Combine(settings.QueriesDirectory, "queries.txt"), shuffled);
    return shuffled.Count;
}

static async Task<List<Staff>> StaffAsync(DealerCrmDbContext db, string role) =>
    await db.Users
        .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
        .OrderBy(u => u.UserName)
        .Select(u => new Staff(u.Id, u.UserName!))
        .ToListAsync();

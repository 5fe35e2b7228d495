using System.Collections.Concurrent;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Pages.Customers.Import;

public enum ImportState
{
    Running,
    Done,
    Failed,
}

/// <summary>How far an import has got, for the progress page to poll.</summary>
public sealed class ImportJob(string id, string userName, int total)
{
    private int _done;

    public string Id { get; } = id;

    public string UserName { get; } = userName;

    public int Total { get; } = total;

    public int Done => _done;

    public ImportState State { get; set; } = ImportState.Running;

    public int CustomersCreated { get; set; }

    public int VehiclesCreated { get; set; }

    public string? FirstNumber { get; set; }

    public string? LastNumber { get; set; }

    public void Advance(int by) => Interlocked.Add(ref _done, by);
}

/// <summary>
/// Runs confirmed imports in the background so a large sheet does not hold the browser's
/// request, and keeps each job's progress for the page that polls it. All rows of a job are
/// written in one transaction: a failure part-way leaves nothing behind.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> logger)
{
    private const int ChunkSize = 200;
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new();

    public ImportJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public ImportJob Start(ImportPlan plan, string? userId, string userName, string fileName)
    {
        var job = new ImportJob(Guid.NewGuid().ToString("N"), userName, plan.Customers.Count);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, plan, userId, fileName));
        return job;
    }

    private async Task RunAsync(ImportJob job, ImportPlan plan, string? userId, string fileName)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(userId, job.UserName);
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<DealershipClock>();
            var numbers = await scope.ServiceProvider.GetRequiredService<CustomerNumberAllocator>()
                .NextBlockAsync(clock.Today.Year, plan.Customers.Count, CancellationToken.None);

            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = clock.UtcNow;
            for (var start = 0; start < plan.Customers.Count; start += ChunkSize)
            {
                var chunk = plan.Customers.Skip(start).Take(ChunkSize).ToList();
                var created = chunk.Select((planned, i) => (planned, customer: Create(planned, numbers[start + i], now, job.UserName))).ToList();
                db.Customers.AddRange(created.Select(c => c.customer));
                await db.SaveChangesAsync();
                foreach (var (planned, customer) in created)
                {
                    db.Vehicles.AddRange(planned.Vehicles.Select(v => new Vehicle(customer.Id, v.Vin, v.Details, now)));
                    job.VehiclesCreated += planned.Vehicles.Count;
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                job.Advance(chunk.Count);
            }

            db.PrivacyLog.Add(new PrivacyLogEntry(now, userId, job.UserName, PrivacyAction.Import, null, null, fileName, plan.Customers.Count));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();

            job.CustomersCreated = plan.Customers.Count;
            job.FirstNumber = numbers.Count > 0 ? numbers[0] : null;
            job.LastNumber = numbers.Count > 0 ? numbers[^1] : null;
            job.State = ImportState.Done;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} failed; nothing was imported", job.Id);
            job.VehiclesCreated = 0;
            job.State = ImportState.Failed;
        }
    }

    private static Customer Create(PlannedCustomer planned, string number, DateTime now, string userName)
    {
        var customer = new Customer(number, planned.Kind, planned.Name, now, userName);
        customer.UpdateProfile(new CustomerProfile(planned.Kind, planned.Name, planned.Gender, planned.Birthday, planned.Occupation,
            PurchasePurpose.Unknown, planned.Source, Gender.Unknown, null, null, null, null, null, null));
        customer.UpdateContact(new ContactDetails(planned.Mobile, planned.OtherPhones, planned.Address, planned.ContactPerson), now, userName);
        return customer;
    }
}

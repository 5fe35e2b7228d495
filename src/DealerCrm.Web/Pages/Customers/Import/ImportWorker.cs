using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>
/// Runs the queued imports one after another, in batches of <see cref="BatchSize"/> customers:
/// each batch (its customers, their vehicles, its privacy-log entry and the run's stored
/// progress) is one transaction, so every instance sees how far an import has got, and an import
/// that stops part-way keeps the batches it committed and says how many (docs/adr/0009). On
/// shutdown the running job is cancelled between or within a batch (that batch rolls back) and it
/// and every job still queued are marked interrupted, so no progress page shows "running" for a
/// job that will never finish.
/// </summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>Customers per transaction: short enough that other writers wait well under a second, large enough to import thousands a minute.</summary>
    internal const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await jobs.Queue.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && jobs.Queue.TryRead(out var import))
                {
                    await RunAsync(import, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            jobs.Close();
            while (jobs.Queue.TryRead(out var left))
            {
                logger.LogWarning("Import {JobId} was still queued at shutdown; nothing was imported", left.Job.Id);
                left.Job.End(ImportState.Interrupted, time.GetUtcNow());
            }
        }
    }

    private async Task RunAsync(QueuedImport import, CancellationToken cancellationToken)
    {
        var (job, plan, userId, fileName) = import;
        job.MarkRunning();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(userId, job.UserName);
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<DealershipClock>();
            var numbers = await scope.ServiceProvider.GetRequiredService<CustomerNumberAllocator>()
                .NextBlockAsync(clock.Today.Year, plan.Customers.Count, cancellationToken);

            var now = clock.UtcNow;
            for (var start = 0; start < plan.Customers.Count; start += BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = plan.Customers.Skip(start).Take(BatchSize).ToList();
                var vehicles = await ImportBatchAsync(db, job, batch, numbers, start, now, userId, fileName, cancellationToken);
                job.Advance(batch.Count, vehicles, numbers[start], numbers[start + batch.Count - 1]);
                if (jobs.AfterBatch is { } pause)
                {
                    await pause(job, cancellationToken);
                }
            }

            job.End(ImportState.Done, time.GetUtcNow());
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever broke off the work (a cancelled command, a disposed connection), the cause is the shutdown.
            logger.LogWarning(e, "Import {JobId} was interrupted by shutdown; {Done} of {Total} customers had been imported", job.Id, job.Done, job.Total);
            job.End(ImportState.Interrupted, time.GetUtcNow());
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} failed; {Done} of {Total} customers had been imported", job.Id, job.Done, job.Total);
            job.End(ImportState.Failed, time.GetUtcNow());
        }
    }

    /// <summary>One batch in its own transaction, the run's stored progress with it; the count of vehicles created.</summary>
    private async Task<int> ImportBatchAsync(DealerCrmDbContext db, ImportJob job, List<PlannedCustomer> batch, IReadOnlyList<string> numbers, int start,
        DateTime now, string? userId, string fileName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = batch.Select((planned, i) => (planned, customer: Create(planned, numbers[start + i], now, job.UserName))).ToList();
        db.Customers.AddRange(created.Select(c => c.customer));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (planned, customer) in created)
        {
            db.Vehicles.AddRange(planned.Vehicles.Select(v => new Vehicle(customer.Id, v.Vin, v.Details, now)));
        }

        // The privacy log records what was committed, batch by batch, however the import ends.
        var (vehicles, heartbeat) = (batch.Sum(c => c.Vehicles.Count), time.GetUtcNow().UtcDateTime);
        db.PrivacyLog.Add(new PrivacyLogEntry(heartbeat, userId, job.UserName, PrivacyAction.Import, null, null, fileName, batch.Count));
        await db.SaveChangesAsync(cancellationToken);

        var (done, vehiclesDone) = (start + batch.Count, job.VehiclesCreated + vehicles);
        var (first, last) = (numbers[0], numbers[done - 1]);
        await db.ImportRuns.Where(r => r.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Done, done).SetProperty(r => r.CustomersCreated, done).SetProperty(r => r.VehiclesCreated, vehiclesDone)
            .SetProperty(r => r.FirstNumber, first).SetProperty(r => r.LastNumber, last).SetProperty(r => r.HeartbeatUtc, heartbeat), cancellationToken);
        var queued = jobs.QueuedIds();
        if (queued.Count > 0)
        {
            await db.ImportRuns.Where(r => queued.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatUtc, heartbeat), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return vehicles;
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

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>
/// Runs the queued imports one after another. All rows of a job are written in one transaction:
/// a failure part-way leaves nothing behind. On shutdown the running job is cancelled (its
/// transaction rolls back) and it and every job still queued are marked interrupted, so no
/// progress page shows "running" for a job that will never finish.
/// </summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    private const int ChunkSize = 200;

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

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.UtcNow;
            for (var start = 0; start < plan.Customers.Count; start += ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = plan.Customers.Skip(start).Take(ChunkSize).ToList();
                var created = chunk.Select((planned, i) => (planned, customer: Create(planned, numbers[start + i], now, job.UserName))).ToList();
                db.Customers.AddRange(created.Select(c => c.customer));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (planned, customer) in created)
                {
                    db.Vehicles.AddRange(planned.Vehicles.Select(v => new Vehicle(customer.Id, v.Vin, v.Details, now)));
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                job.Advance(chunk.Count, chunk.Sum(c => c.Vehicles.Count));
            }

            db.PrivacyLog.Add(new PrivacyLogEntry(now, userId, job.UserName, PrivacyAction.Import, null, null, fileName, plan.Customers.Count));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            job.Succeed(plan.Customers.Count, numbers.Count > 0 ? numbers[0] : null, numbers.Count > 0 ? numbers[^1] : null, time.GetUtcNow());
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever broke off the work (a cancelled command, a disposed connection), the cause is the shutdown.
            logger.LogWarning(e, "Import {JobId} was interrupted by shutdown; nothing was imported", job.Id);
            job.End(ImportState.Interrupted, time.GetUtcNow());
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} failed; nothing was imported", job.Id);
            job.End(ImportState.Failed, time.GetUtcNow());
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

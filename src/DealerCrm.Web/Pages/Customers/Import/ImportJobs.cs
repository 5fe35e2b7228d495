using System.Collections.Concurrent;
using System.Threading.Channels;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers.Import;

public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,

    /// <summary>
    /// The app shut down before the job finished (or, seen from another instance, the instance
    /// running it stopped answering); the batches committed before stay imported.
    /// </summary>
    Interrupted,
}

/// <summary>How far an import has got, for the progress page to poll.</summary>
public sealed class ImportJob
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _state = (int)ImportState.Queued;
    private int _done;

    internal ImportJob(string id, string userName, int total)
    {
        Id = id;
        UserName = userName;
        Total = total;
    }

    public string Id { get; }

    public string UserName { get; }

    /// <summary>Told of each change of state, to store it (<see cref="ImportJobs"/>).</summary>
    internal Action<ImportJob>? Changed { get; init; }

    public int Total { get; }

    public int Done => _done;

    public ImportState State => (ImportState)_state;

    public bool IsActive => State is ImportState.Queued or ImportState.Running;

    public int CustomersCreated { get; private set; }

    public int VehiclesCreated { get; private set; }

    public string? FirstNumber { get; private set; }

    public string? LastNumber { get; private set; }

    /// <summary>When the job ended (however it ended); null while queued or running.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Completes when the worker has taken the job up (or the job ended without running).</summary>
    public Task Started => _started.Task;

    /// <summary>Completes, never faults, when the job has ended: awaited instead of polling the state.</summary>
    public Task Completion => _finished.Task;

    internal void MarkRunning()
    {
        _state = (int)ImportState.Running;
        Changed?.Invoke(this);
        _started.TrySetResult();
    }

    /// <summary>A batch has been committed: its customers (numbered up to <paramref name="lastNumber"/>) and vehicles are on file.</summary>
    internal void Advance(int customers, int vehicles, string firstNumber, string lastNumber)
    {
        FirstNumber ??= firstNumber;
        LastNumber = lastNumber;
        VehiclesCreated += vehicles;
        CustomersCreated += customers;
        Interlocked.Add(ref _done, customers);
    }

    /// <summary>Ends the job. Whatever the state, the batches committed before stay, and the counts say how many.</summary>
    internal void End(ImportState state, DateTimeOffset at)
    {
        FinishedAt = at;
        _state = (int)state;
        Changed?.Invoke(this);
        _started.TrySetResult();
        _finished.TrySetResult();
    }

    /// <summary>
    /// A job another instance of the app runs (or ran), as stored: its progress page is shown from
    /// it. A run no instance has kept alive (<see cref="ImportRun.IsOrphaned"/>) is shown as
    /// interrupted at its last heartbeat, with what it had committed.
    /// </summary>
    internal static ImportJob FromStored(ImportRun run, DateTime nowUtc)
    {
        var orphaned = run.IsOrphaned(nowUtc);
        var finished = orphaned ? run.HeartbeatUtc ?? nowUtc : run.FinishedUtc;
        var job = new ImportJob(run.Id, run.UserName, run.Total)
        {
            _done = run.Done,
            _state = (int)(orphaned ? ImportState.Interrupted : Enum.Parse<ImportState>(run.State)),
            CustomersCreated = run.CustomersCreated,
            VehiclesCreated = run.VehiclesCreated,
            FirstNumber = run.FirstNumber,
            LastNumber = run.LastNumber,
            FinishedAt = finished is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        };
        if (!job.IsActive)
        {
            job._started.TrySetResult();
            job._finished.TrySetResult();
        }

        return job;
    }
}

/// <summary>A confirmed import waiting for the worker.</summary>
internal sealed record QueuedImport(ImportJob Job, ImportPlan Plan, string? UserId, string FileName);

/// <summary>
/// The imports of this process: a queue that <see cref="ImportWorker"/> reads, one job at a time,
/// so a large sheet does not hold the browser's request; and each job's progress for the page
/// that polls it. Finished jobs are forgotten after <see cref="KeepFinishedFor"/>, so the
/// registry stays small however long the site runs. Each change of state is also stored
/// (<see cref="ImportRun"/>; the worker stores each batch's progress with the batch), so the
/// progress page answers on every instance of the app; a store that fails is logged and the
/// import goes on.
/// </summary>
public sealed class ImportJobs(TimeProvider time, IServiceScopeFactory scopes, ILogger<ImportJobs> logger)
{
    /// <summary>How long the report of a finished import stays on its progress page.</summary>
    public static readonly TimeSpan KeepFinishedFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new();

    private readonly Channel<QueuedImport> _queue = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<QueuedImport> Queue => _queue.Reader;

    /// <summary>
    /// A pause point after each committed batch, awaited by the worker before the next batch.
    /// Only tests set it, to look at a run from another instance between two batches.
    /// </summary>
    internal Func<ImportJob, CancellationToken, Task>? AfterBatch { get; set; }

    /// <summary>The jobs of this instance still waiting in the queue: their stored runs get the running batch's heartbeat.</summary>
    internal List<string> QueuedIds() => _jobs.Values.Where(j => j.State == ImportState.Queued).Select(j => j.Id).ToList();

    public ImportJob? Find(string id)
    {
        ForgetOldJobs();
        return _jobs.TryGetValue(id, out var job) ? job : null;
    }

    /// <summary>The job of this instance, else as another instance stored it (within <see cref="KeepFinishedFor"/> of its end).</summary>
    public async Task<ImportJob?> FindAnywhereAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is { } job)
        {
            return job;
        }

        if (id.Length != ImportRun.IdLength)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - KeepFinishedFor;
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>().ImportRuns.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id && (r.FinishedUtc == null || r.FinishedUtc > cutoff), cancellationToken);
        return run is null ? null : ImportJob.FromStored(run, now);
    }

    /// <summary>Queues the plan's rows for import; the job is interrupted at once when the site is shutting down.</summary>
    public ImportJob Start(ImportPlan plan, string? userId, string userName, string fileName)
    {
        ForgetOldJobs();
        var job = new ImportJob(Guid.NewGuid().ToString("N"), userName, plan.Customers.Count) { Changed = Store };
        Store(job);
        _jobs[job.Id] = job;
        if (!_queue.Writer.TryWrite(new QueuedImport(job, plan, userId, fileName)))
        {
            job.End(ImportState.Interrupted, time.GetUtcNow());
        }

        return job;
    }

    /// <summary>No more jobs are taken: the worker is stopping. Jobs still queued are the worker's to mark.</summary>
    internal void Close() => _queue.Writer.TryComplete();

    /// <summary>
    /// Writes the job's state to its stored run (created on the first call). Never called while the
    /// worker holds a batch's transaction (SQLite would wait for it). Stored runs a day past their
    /// end, or a day past their last heartbeat (an instance that died), are deleted.
    /// </summary>
    private void Store(ImportJob job)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var run = db.ImportRuns.SingleOrDefault(r => r.Id == job.Id);
            if (run is null)
            {
                run = new ImportRun(job.Id, job.UserName, job.Total);
                db.ImportRuns.Add(run);
                var expired = now.AddDays(-1);
                db.ImportRuns.Where(r => r.FinishedUtc < expired || (r.FinishedUtc == null && r.HeartbeatUtc < expired)).ExecuteDelete();
            }

            run.Record(job.State.ToString(), job.Done, job.CustomersCreated, job.VehiclesCreated, job.FirstNumber, job.LastNumber, job.FinishedAt?.UtcDateTime, now);
            db.SaveChanges();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning(e, "Import {JobId}: its state {State} could not be stored; other instances do not see it", job.Id, job.State);
        }
    }

    private void ForgetOldJobs()
    {
        var cutoff = time.GetUtcNow() - KeepFinishedFor;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt <= cutoff)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }
}

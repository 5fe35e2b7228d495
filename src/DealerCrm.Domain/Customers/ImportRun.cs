namespace DealerCrm.Domain.Customers;

/// <summary>
/// An import's progress as stored in the database, so that the progress page answers on every
/// instance of the app, not only the one whose worker runs the import. Written when the import
/// is queued and starts, with each batch of rows in that batch's own transaction (so the count
/// of customers done is exactly what is committed), and when it ends. The running instance
/// moves <see cref="HeartbeatUtc"/> on with every batch, and on its queued runs too: a run still
/// queued or running whose heartbeat is older than <see cref="HeartbeatTimeout"/> belongs to an
/// instance that is gone (crashed, killed) and is shown as interrupted.
/// </summary>
public sealed class ImportRun
{
    public const int IdLength = 32;

    /// <summary>
    /// A batch takes well under a second, and the worker's queue is refreshed with every batch;
    /// five minutes without a heartbeat means no instance is working on the run any more.
    /// </summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(5);

    private ImportRun()
    {
    }

    public ImportRun(string id, string userName, int total)
    {
        Id = id;
        UserName = userName;
        Total = total;
    }

    public string Id { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public int Total { get; private set; }

    /// <summary>The state's name (Queued, Running, Done, Failed, Interrupted).</summary>
    public string State { get; private set; } = "Queued";

    /// <summary>Customers imported so far (committed).</summary>
    public int Done { get; private set; }

    public int CustomersCreated { get; private set; }

    public int VehiclesCreated { get; private set; }

    public string? FirstNumber { get; private set; }

    public string? LastNumber { get; private set; }

    public DateTime? FinishedUtc { get; private set; }

    /// <summary>When the instance running (or queueing) the import last showed it was alive; null for runs stored before heartbeats.</summary>
    public DateTime? HeartbeatUtc { get; private set; }

    public bool IsActive => State is "Queued" or "Running";

    public void Record(string state, int done, int customersCreated, int vehiclesCreated, string? firstNumber, string? lastNumber, DateTime? finishedUtc, DateTime heartbeatUtc)
    {
        State = state;
        Done = done;
        CustomersCreated = customersCreated;
        VehiclesCreated = vehiclesCreated;
        FirstNumber = firstNumber;
        LastNumber = lastNumber;
        FinishedUtc = finishedUtc;
        HeartbeatUtc = heartbeatUtc;
    }

    /// <summary>Still queued or running by its state, but no instance has shown it alive for <see cref="HeartbeatTimeout"/>.</summary>
    public bool IsOrphaned(DateTime nowUtc) => IsActive && (HeartbeatUtc ?? DateTime.MinValue) < nowUtc - HeartbeatTimeout;
}

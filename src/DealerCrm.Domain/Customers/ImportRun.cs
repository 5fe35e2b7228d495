namespace DealerCrm.Domain.Customers;

/// <summary>
/// An import's progress as stored in the database, so that the progress page answers on every
/// instance of the app, not only the one whose worker runs the import. Written when the import
/// is queued, starts and ends; the count of rows done while it runs is only in the running
/// instance (the rows are written in one transaction, which no other connection may join).
/// </summary>
public sealed class ImportRun
{
    public const int IdLength = 32;

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

    public int Done { get; private set; }

    public int CustomersCreated { get; private set; }

    public int VehiclesCreated { get; private set; }

    public string? FirstNumber { get; private set; }

    public string? LastNumber { get; private set; }

    public DateTime? FinishedUtc { get; private set; }

    public void Record(string state, int done, int customersCreated, int vehiclesCreated, string? firstNumber, string? lastNumber, DateTime? finishedUtc)
    {
        State = state;
        Done = done;
        CustomersCreated = customersCreated;
        VehiclesCreated = vehiclesCreated;
        FirstNumber = firstNumber;
        LastNumber = lastNumber;
        FinishedUtc = finishedUtc;
    }
}

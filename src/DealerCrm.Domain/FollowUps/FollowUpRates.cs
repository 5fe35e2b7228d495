namespace DealerCrm.Domain.FollowUps;

/// <summary>
/// The return-visit KPIs of RULES.md section 3: return-visit rate (回访率) = done / due;
/// on-time rate = done before due / done. Undefined (null) when nothing was due or done.
/// Cancelled tasks (an anonymised customer) are not due.
/// </summary>
public sealed record FollowUpRates(int Due, int Done, int OnTime)
{
    public static FollowUpRates None { get; } = new(0, 0, 0);

    public decimal? ReturnVisitRate => Due == 0 ? null : Math.Round(100m * Done / Due, 1, MidpointRounding.AwayFromZero);

    public decimal? OnTimeRate => Done == 0 ? null : Math.Round(100m * OnTime / Done, 1, MidpointRounding.AwayFromZero);

    public bool Meets(decimal targetPercent) => ReturnVisitRate >= targetPercent;

    /// <summary>Adds <paramref name="count"/> tasks of one status (and whether they were done by their due time).</summary>
    public FollowUpRates Add(FollowUpStatus status, bool completedOnTime, int count)
    {
        if (status == FollowUpStatus.Cancelled)
        {
            return this;
        }

        var done = FollowUpTask.CountsAsDone(status);
        return new(Due + count, Done + (done ? count : 0), OnTime + (done && completedOnTime ? count : 0));
    }

    /// <summary>Folds counted groups (status, on time, count) into rates.</summary>
    public static FollowUpRates From(IEnumerable<(FollowUpStatus Status, bool OnTime, int Count)> groups) =>
        groups.Aggregate(None, (rates, g) => rates.Add(g.Status, g.OnTime, g.Count));
}

/// <summary>Which department a kind of follow-up reports to in the weekly report (日结周报).</summary>
public enum FollowUpDepartment
{
    Sales = 1,
    AfterSales = 2,
    CustomerService = 3,
}

public static class FollowUpDepartments
{
    public static FollowUpDepartment Of(FollowUpKind kind) => kind switch
    {
        FollowUpKind.AfterServiceRevisit => FollowUpDepartment.AfterSales,
        FollowUpKind.BirthdayGreeting or FollowUpKind.AnniversaryGreeting or FollowUpKind.InsuranceRenewal => FollowUpDepartment.CustomerService,
        _ => FollowUpDepartment.Sales,
    };
}

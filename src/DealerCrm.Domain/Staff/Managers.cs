namespace DealerCrm.Domain.Staff;

/// <summary>
/// Who manages whose work (RULES.md section 3: "overdue tasks are listed for the owner's
/// manager"), by the role a task is worked in: the CS director manages the CS agents; the sales
/// manager the salespeople and, with the general manager above them, the sales manager's own
/// calls; the general manager, who sees everything, everyone else.
/// </summary>
public static class Managers
{
    /// <summary>The roles to tell about overdue work done in <paramref name="workRole"/> (a person's task or its pool alike).</summary>
    public static IReadOnlyList<string> Of(string workRole) => workRole switch
    {
        Roles.CsAgent => [Roles.CsDirector],
        Roles.Salesperson => [Roles.SalesManager],
        Roles.SalesManager => [Roles.SalesManager, Roles.GeneralManager],
        Roles.GeneralManager => [Roles.GeneralManager],
        _ when Roles.IsKnown(workRole) => [Roles.GeneralManager],
        _ => throw new ArgumentException($"Unknown role '{workRole}'.", nameof(workRole)),
    };
}

namespace DealerCrm.Domain.Staff;

/// <summary>The dealership's ten roles (RULES.md section 1). The keys are stored in Identity.</summary>
public static class Roles
{
    public const string GeneralManager = nameof(GeneralManager);
    public const string CsDirector = nameof(CsDirector);
    public const string CsAgent = nameof(CsAgent);
    public const string ServiceAdvisor = nameof(ServiceAdvisor);
    public const string SalesManager = nameof(SalesManager);
    public const string Salesperson = nameof(Salesperson);
    public const string DepartmentManager = nameof(DepartmentManager);
    public const string TechnicalDirector = nameof(TechnicalDirector);
    public const string LoungeAttendant = nameof(LoungeAttendant);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } =
    [
        GeneralManager, CsDirector, CsAgent, ServiceAdvisor, SalesManager,
        Salesperson, DepartmentManager, TechnicalDirector, LoungeAttendant, Admin,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

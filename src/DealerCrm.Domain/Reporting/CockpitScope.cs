using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Reporting;

/// <summary>Whose cockpit it is: the whole dealership, customer service first, or one department.</summary>
public enum CockpitAudience
{
    Dealership = 1,
    CustomerService = 2,
    Department = 3,
}

/// <summary>
/// What a manager's cockpit shows (issue 16): the general manager sees the whole dealership; the
/// CS director the same figures led by customer-service work; a department manager and the
/// technical director their own department's complaints and the scores of its people (service
/// advisors are rated by CSI, salespeople by SSI). The technical director heads the workshop, so
/// their department is service unless the admin set another.
/// </summary>
public sealed record CockpitScope(CockpitAudience Audience, ComplaintDepartment? Department)
{
    public static CockpitScope For(IReadOnlyCollection<string> roles, ComplaintDepartment? managedDepartment)
    {
        if (roles.Contains(Roles.GeneralManager))
        {
            return new CockpitScope(CockpitAudience.Dealership, null);
        }

        if (roles.Contains(Roles.CsDirector))
        {
            return new CockpitScope(CockpitAudience.CustomerService, null);
        }

        if (roles.Contains(Roles.TechnicalDirector))
        {
            return new CockpitScope(CockpitAudience.Department, managedDepartment ?? Complaints.ComplaintDepartment.Service);
        }

        return new CockpitScope(CockpitAudience.Department, managedDepartment);
    }

    /// <summary>The general manager's and the CS director's home page is the cockpit.</summary>
    public static bool IsHomeFor(IReadOnlyCollection<string> roles) => roles.Contains(Roles.GeneralManager) || roles.Contains(Roles.CsDirector);

    public bool IsDepartment => Audience == CockpitAudience.Department;

    /// <summary>A department manager the admin has not given a department sees no one's figures.</summary>
    public bool HasNoDepartment => IsDepartment && Department is null;

    /// <summary>Follow-up work, the lounge and deliveries/visits are dealership-wide; a department's view leaves them out.</summary>
    public bool ShowsDealershipWork => !IsDepartment;

    /// <summary>The complaint figures are limited to this department (null: every department).</summary>
    public ComplaintDepartment? ComplaintDepartment => IsDepartment ? Department : null;

    /// <summary>The survey programmes whose scores this view shows.</summary>
    public IReadOnlyList<SurveyProgram> ScorePrograms => !IsDepartment
        ? [SurveyProgram.Csi, SurveyProgram.Ssi]
        : Department switch
        {
            Complaints.ComplaintDepartment.Service => [SurveyProgram.Csi],
            Complaints.ComplaintDepartment.Sales => [SurveyProgram.Ssi],
            _ => [],
        };
}

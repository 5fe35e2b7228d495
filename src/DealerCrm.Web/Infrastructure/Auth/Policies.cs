using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Staff;
using Microsoft.AspNetCore.Authorization;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// The named authorization policies: every page declares one, and the navigation shows a
/// link only to users who satisfy its page's policy. docs/access-matrix.md explains the choices.
/// </summary>
public static class Policies
{
    /// <summary>Any member of staff (holds at least one role).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Users, roles and settings.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Read customer files: everyone who serves customers. Not Admin, not the lounge.</summary>
    public const string CustomersRead = nameof(CustomersRead);

    /// <summary>Create customers and edit their profile, contact data and family.</summary>
    public const string CustomersEdit = nameof(CustomersEdit);

    /// <summary>Add and edit vehicles.</summary>
    public const string VehiclesEdit = nameof(VehiclesEdit);

    /// <summary>Record a delivery (交车): sales.</summary>
    public const string DeliveriesRecord = nameof(DeliveriesRecord);

    /// <summary>Record a service visit: after-sales.</summary>
    public const string ServiceVisitsRecord = nameof(ServiceVisitsRecord);

    /// <summary>See a phone number whole, with a reason, logged. Salespeople only for their own customers.</summary>
    public const string ContactReveal = nameof(ContactReveal);

    /// <summary>Export the customer list (phones masked), logged.</summary>
    public const string CustomersExport = nameof(CustomersExport);

    /// <summary>Import customers from a spreadsheet.</summary>
    public const string CustomersImport = nameof(CustomersImport);

    /// <summary>Read the reveal log and a customer's audit trail.</summary>
    public const string PrivacyRead = nameof(PrivacyRead);

    /// <summary>Merge two files, anonymise a customer, export everything held about one customer.</summary>
    public const string PrivacyAdmin = nameof(PrivacyAdmin);

    /// <summary>Work a follow-up queue: the people who make the calls.</summary>
    public const string FollowUpsWork = nameof(FollowUpsWork);

    /// <summary>Overdue tasks, reassignment, return-visit rates and the weekly report.</summary>
    public const string FollowUpsManage = nameof(FollowUpsManage);

    /// <summary>
    /// Read the follow-up overview and the weekly report (日结周报 "for the departments"): the
    /// follow-up managers, and the department managers and technical director who receive it.
    /// </summary>
    public const string FollowUpsReports = nameof(FollowUpsReports);

    /// <summary>The managers' cockpit: the dealership's figures against target, with the lists behind them.</summary>
    public const string Cockpit = nameof(Cockpit);

    /// <summary>Open a task's page: those who work tasks and those who manage them.</summary>
    public const string FollowUpsView = nameof(FollowUpsView);

    /// <summary>Print thank-you letters (single or the day's batch) and mark them sent.</summary>
    public const string LettersPrint = nameof(LettersPrint);

    /// <summary>Record the lounge's daily sheet, lost and found and equipment faults: the attendant and the supervisors who inspect.</summary>
    public const string LoungeRecord = nameof(LoungeRecord);

    /// <summary>The lounge's fines ledger (waive, export) and overview: the managers.</summary>
    public const string LoungeManage = nameof(LoungeManage);

    /// <summary>Reword, reorder, retire and add lounge checklist items.</summary>
    public const string LoungeItemsEdit = nameof(LoungeItemsEdit);

    /// <summary>The CSI/SSI dashboard and its export: the CS director (owns CSI) and the general manager.</summary>
    public const string CsiDashboard = nameof(CsiDashboard);

    /// <summary>The survey list, a survey's answers, the hot alerts (recovery calls; a complaint from an alert).</summary>
    public const string CsiSurveys = nameof(CsiSurveys);

    /// <summary>Take a survey (phone, paper, kiosk, interview, mystery shopper): the CS agents and their director.</summary>
    public const string CsiSurveysTake = nameof(CsiSurveysTake);

    /// <summary>"My scores": the service advisors and salespeople rated by the surveys, each their own only.</summary>
    public const string CsiOwnScores = nameof(CsiOwnScores);

    /// <summary>Read complaints and take one in: every role of the three tiers (acting on a case is the tier's, see ComplaintDuty).</summary>
    public const string ComplaintsView = nameof(ComplaintsView);

    /// <summary>The complaint analysis and its export: the managers.</summary>
    public const string ComplaintsAnalysis = nameof(ComplaintsAnalysis);

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [Admin] = [Roles.Admin],
        [CustomersRead] =
        [
            Roles.GeneralManager, Roles.CsDirector, Roles.CsAgent, Roles.ServiceAdvisor, Roles.SalesManager,
            Roles.Salesperson, Roles.DepartmentManager, Roles.TechnicalDirector,
        ],
        [CustomersEdit] = [Roles.CsDirector, Roles.CsAgent, Roles.ServiceAdvisor, Roles.SalesManager, Roles.Salesperson],
        [VehiclesEdit] = [Roles.CsDirector, Roles.ServiceAdvisor, Roles.SalesManager, Roles.Salesperson],
        [DeliveriesRecord] = [Roles.SalesManager, Roles.Salesperson],
        [ServiceVisitsRecord] = [Roles.ServiceAdvisor, Roles.DepartmentManager],
        [ContactReveal] = [Roles.GeneralManager, Roles.CsDirector, Roles.CsAgent, Roles.ServiceAdvisor, Roles.SalesManager, Roles.Salesperson],
        [CustomersExport] = [Roles.GeneralManager, Roles.CsDirector, Roles.SalesManager, Roles.DepartmentManager],
        [CustomersImport] = [Roles.CsDirector, Roles.SalesManager],
        [PrivacyRead] = [Roles.CsDirector, Roles.GeneralManager],
        [PrivacyAdmin] = [Roles.CsDirector],
        [FollowUpsWork] = [Roles.CsAgent, Roles.CsDirector, Roles.SalesManager, Roles.Salesperson],
        [FollowUpsManage] = [Roles.GeneralManager, Roles.CsDirector, Roles.SalesManager],
        [FollowUpsReports] = [Roles.GeneralManager, Roles.CsDirector, Roles.SalesManager, Roles.DepartmentManager, Roles.TechnicalDirector],
        [Cockpit] = [Roles.GeneralManager, Roles.CsDirector, Roles.DepartmentManager, Roles.TechnicalDirector],
        [FollowUpsView] = [Roles.CsAgent, Roles.CsDirector, Roles.SalesManager, Roles.Salesperson, Roles.GeneralManager],
        [LettersPrint] = [Roles.Salesperson, Roles.SalesManager, Roles.CsAgent, Roles.CsDirector, Roles.GeneralManager],
        [LoungeRecord] = [Roles.LoungeAttendant, Roles.CsDirector, Roles.GeneralManager],
        [LoungeManage] = [Roles.GeneralManager, Roles.CsDirector],
        [LoungeItemsEdit] = [Roles.Admin, Roles.CsDirector],
        [CsiDashboard] = [Roles.GeneralManager, Roles.CsDirector],
        [CsiSurveys] = [Roles.GeneralManager, Roles.CsDirector, Roles.CsAgent],
        [CsiSurveysTake] = [Roles.CsDirector, Roles.CsAgent],
        [CsiOwnScores] = [Roles.ServiceAdvisor, Roles.Salesperson],
        [ComplaintsView] = [.. ComplaintTiers.AllRoles],
        [ComplaintsAnalysis] = [Roles.GeneralManager, Roles.CsDirector, Roles.DepartmentManager, Roles.TechnicalDirector],
    };

    public static AuthorizationBuilder AddDealerCrmPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // A page that forgot its [Authorize] still needs a signed-in member of staff.
        return builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());
    }

    public static bool Allows(string policy, IEnumerable<string> userRoles) =>
        RolesByPolicy[policy].Intersect(userRoles, StringComparer.Ordinal).Any();
}

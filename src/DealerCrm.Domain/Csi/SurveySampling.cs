using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Csi;

/// <summary>
/// Who is asked to take a survey (RULES.md section 7), written once: SSI goes to buyers within
/// <see cref="CsiPolicy.SsiSampleWithinMonths"/> of the delivery; CSI to customers whose purchase is
/// <see cref="CsiPolicy.CsiSampleFromMonths"/> to <see cref="CsiPolicy.CsiSampleToMonths"/> months old
/// and who had a service visit (within <see cref="CsiPolicy.CsiVisitWithinDays"/>); nobody more than
/// once in <see cref="CsiPolicy.MinMonthsBetweenSurveys"/> months. A survey is a follow-up task for the
/// CS agents' pool, never for the person whose work it rates.
/// </summary>
public sealed class SurveySampling(CsiPolicy policy)
{
    public static string SsiKey(int deliveryId) => $"ssi:{deliveryId}";

    public static string CsiKey(int serviceVisitId) => $"csi:{serviceVisitId}";

    /// <summary>The earliest delivery instant still within the SSI window at <paramref name="nowUtc"/>.</summary>
    public DateTime SsiDeliveredFromUtc(DateTime nowUtc) => nowUtc.AddMonths(-policy.SsiSampleWithinMonths);

    public bool IsSsiEligible(DateTime deliveredUtc, DateTime nowUtc) => deliveredUtc <= nowUtc && deliveredUtc > SsiDeliveredFromUtc(nowUtc);

    /// <summary>The purchase window for CSI: deliveries from (older bound) to (newer bound).</summary>
    public (DateTime FromUtc, DateTime ToUtc) CsiPurchaseWindow(DateTime nowUtc) =>
        (nowUtc.AddMonths(-policy.CsiSampleToMonths), nowUtc.AddMonths(-policy.CsiSampleFromMonths));

    public DateOnly CsiVisitFrom(DateOnly today) => today.AddDays(-policy.CsiVisitWithinDays);

    public bool IsCsiEligible(DateTime deliveredUtc, DateOnly visitDate, DateTime nowUtc, DateOnly today)
    {
        var (from, to) = CsiPurchaseWindow(nowUtc);
        return deliveredUtc >= from && deliveredUtc <= to && visitDate <= today && visitDate >= CsiVisitFrom(today);
    }

    /// <summary>Survey tasks created after this instant mean the customer was asked too recently to be asked again.</summary>
    public DateTime LastAskedAfterUtc(DateTime nowUtc) => nowUtc.AddMonths(-policy.MinMonthsBetweenSurveys);

    public bool MayAskAgain(DateTime? lastAskedUtc, DateTime nowUtc) => lastAskedUtc is not { } last || last <= LastAskedAfterUtc(nowUtc);

    public PlannedTask PlanSsi(int deliveryId, int customerId, int vehicleId, string salespersonId, DateOnly deliveryDate, DateTime nowUtc) =>
        new(SsiKey(deliveryId), FollowUpKind.SsiSurvey, customerId, deliveryDate, nowUtc.AddDays(policy.SurveyDueDays), null,
            Roles.CsAgent, null, ExcludedUserId: salespersonId, VehicleId: vehicleId, DeliveryId: deliveryId);

    public PlannedTask PlanCsi(int serviceVisitId, int customerId, int vehicleId, string advisorId, string? recordedByUserId, DateOnly visitDate, DateTime nowUtc) =>
        new(CsiKey(serviceVisitId), FollowUpKind.CsiSurvey, customerId, visitDate, nowUtc.AddDays(policy.SurveyDueDays), null,
            Roles.CsAgent, null, ExcludedUserId: advisorId, VehicleId: vehicleId, ServiceVisitId: serviceVisitId,
            AlsoExcludedUserId: recordedByUserId == advisorId ? null : recordedByUserId);
}

using System.Linq.Expressions;

namespace DealerCrm.Domain.Customers;

/// <summary>
/// The repeat-repair rate of RULES.md section 7 (target below 2%): of the repair visits in a
/// period, the share whose vehicle had been in for a repair within the set number of days
/// before. Maintenance and accident work are not repairs of a fault, so they neither count nor
/// make a later repair a repeat. Written as expressions so SQL counts them.
/// </summary>
public static class RepeatRepairs
{
    /// <summary>Repairs of a fault: a paid repair or a warranty claim.</summary>
    public static Expression<Func<ServiceVisit, bool>> IsRepair { get; } =
        v => v.Type == ServiceVisitType.Repair || v.Type == ServiceVisitType.WarrantyClaim;

    /// <summary>A repair with an earlier repair of the same vehicle within <paramref name="withinDays"/> days before it.</summary>
    public static Expression<Func<ServiceVisit, bool>> IsRepeat(IQueryable<ServiceVisit> visits, int withinDays) =>
        v => visits.Any(earlier => earlier.VehicleId == v.VehicleId && earlier.Id != v.Id
            && (earlier.Type == ServiceVisitType.Repair || earlier.Type == ServiceVisitType.WarrantyClaim)
            && earlier.VisitDate <= v.VisitDate && earlier.VisitDate >= v.VisitDate.AddDays(-withinDays)
            && (earlier.VisitDate < v.VisitDate || earlier.Id < v.Id));

    /// <summary>The rate in percent, or null with no repairs to count.</summary>
    public static decimal? RatePercent(int repeats, int repairs) => repairs == 0 ? null : Math.Round(100m * repeats / repairs, 1);
}

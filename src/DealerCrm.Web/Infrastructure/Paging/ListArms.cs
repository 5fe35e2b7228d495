using DealerCrm.Web.Infrastructure.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>
/// A list whose order no single index serves (it turns on the time now: overdue first) read as
/// arms: parts of the list that are each one index range read in the list's order. Each arm is cut
/// to what the page or the count needs before the arms are merged, so a request reads about as many
/// rows as it shows, however many the table holds.
/// </summary>
public static class ListArms
{
    /// <summary>Rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the merged list: each arm cut to skip + take, then merged, ordered and cut.</summary>
    public static IQueryable<T> Page<T>(IEnumerable<IQueryable<T>> arms, int skip, int take, Func<IQueryable<T>, IOrderedQueryable<T>> order) =>
        order(arms.Select(arm => arm.Take(skip + take)).Aggregate((all, next) => all.Concat(next))).Skip(skip).Take(take);

    /// <summary>The arms' rows counted up to <see cref="CappedCount.Limit"/>: each arm reads at most that many.</summary>
    public static async Task<int> CappedCountAsync<T>(IEnumerable<IQueryable<T>> arms, CancellationToken cancellationToken) =>
        Math.Min(await arms.Select(arm => arm.Take(CappedCount.Limit)).Aggregate((all, next) => all.Concat(next)).CountAsync(cancellationToken), CappedCount.Limit);
}

using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace DealerCrm.Web.Infrastructure.Reporting;

/// <summary>
/// The index of the period a row falls in, as an expression SQL evaluates (CASE WHEN value &lt;
/// end0 THEN 0 WHEN value &lt; end1 THEN 1 ... END), so that a trend of many periods is counted
/// in one query grouped by period rather than one query a period. The periods must follow each
/// other without gaps, oldest first; the caller's query keeps to their whole span (from the first
/// start to the last end), so only the ends need comparing.
/// </summary>
public static class PeriodBuckets
{
    /// <summary>
    /// <paramref name="value"/>'s period among those ending (exclusive) at <paramref name="ends"/>,
    /// ascending. The ends become query parameters (not literals), so EF Core compiles the query
    /// once for every trend of the same length.
    /// </summary>
    public static Expression<Func<T, int>> Of<T, TValue>(Expression<Func<T, TValue>> value, IReadOnlyList<TValue> ends)
        where TValue : struct, IComparable<TValue>
    {
        ArgumentOutOfRangeException.ThrowIfZero(ends.Count);
        for (var i = 1; i < ends.Count; i++)
        {
            if (ends[i].CompareTo(ends[i - 1]) <= 0)
            {
                throw new ArgumentException("The periods' ends must ascend.", nameof(ends));
            }
        }

        // The last period takes whatever is left of the span: no comparison needed for it.
        Expression body = Expression.Constant(ends.Count - 1);
        for (var i = ends.Count - 2; i >= 0; i--)
        {
            // A field of a constant box, as a closure's captured variable reads: EF Core makes it a parameter.
            var end = Expression.Field(Expression.Constant(new StrongBox<TValue>(ends[i])), nameof(StrongBox<TValue>.Value));
            body = Expression.Condition(Expression.LessThan(value.Body, end), Expression.Constant(i), body);
        }

        return Expression.Lambda<Func<T, int>>(body, value.Parameters);
    }

    /// <summary>
    /// Each row of <paramref name="source"/> as <paramref name="row"/> makes it, given the row's
    /// period (<paramref name="period"/>, from <see cref="Of"/>) as its second argument: the
    /// projection SQL then groups by.
    /// </summary>
    public static IQueryable<TRow> WithPeriod<T, TRow>(this IQueryable<T> source, Expression<Func<T, int>> period, Expression<Func<T, int, TRow>> row)
    {
        var periodOfRow = new Substitute(period.Parameters[0], row.Parameters[0]).Visit(period.Body);
        var body = new Substitute(row.Parameters[1], periodOfRow).Visit(row.Body);
        return source.Select(Expression.Lambda<Func<T, TRow>>(body, row.Parameters[0]));
    }

    private sealed class Substitute(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }
}

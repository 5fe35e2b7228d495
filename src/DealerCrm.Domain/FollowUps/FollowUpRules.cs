using System.Linq.Expressions;

namespace DealerCrm.Domain.FollowUps;

/// <summary>
/// The time rules of a task, written once as expressions: the job applies them to many tasks in
/// SQL, <see cref="FollowUpTask.Tidy"/> to one task in memory (compiled once).
/// </summary>
public static class FollowUpRules
{
    /// <summary>An occasion whose window passed while the task was open: missed.</summary>
    private static readonly Expression<Func<FollowUpTask, DateTime, bool>> LapsedRule =
        (t, now) => t.Status == FollowUpStatus.Open && t.ExpiresUtc != null && t.ExpiresUtc < now;

    /// <summary>
    /// A call tried as often as the policy allows: unreachable. "Tried at all" says nothing the
    /// limit does not, but in SQL it lets the partial (Status, Attempts) index answer.
    /// </summary>
    private static readonly Expression<Func<FollowUpTask, int, bool>> OutOfTriesRule =
        (t, max) => t.Status == FollowUpStatus.Open && t.Kind != FollowUpKind.ThankYouLetter && t.Attempts > 0 && t.Attempts >= max;

    /// <summary>
    /// A value, not a literal: "IsOverdue = @value" lets the (Status, IsOverdue, DueUtc) index seek,
    /// where EF would write "!IsOverdue" as NOT (IsOverdue), and SQLite then reads every open task.
    /// </summary>
    private static bool NotYetMarked => false;

    /// <summary>Due time passed, still open, not yet marked.</summary>
    private static readonly Expression<Func<FollowUpTask, DateTime, bool>> OverdueRule =
        (t, now) => t.Status == FollowUpStatus.Open && t.IsOverdue == NotYetMarked && t.DueUtc < now;

    private static readonly Func<FollowUpTask, DateTime, bool> LapsedCompiled = LapsedRule.Compile();
    private static readonly Func<FollowUpTask, int, bool> OutOfTriesCompiled = OutOfTriesRule.Compile();
    private static readonly Func<FollowUpTask, DateTime, bool> OverdueCompiled = OverdueRule.Compile();

    public static Expression<Func<FollowUpTask, bool>> Lapsed(DateTime nowUtc) => Bind(LapsedRule, nowUtc);

    public static Expression<Func<FollowUpTask, bool>> OutOfTries(int maxAttempts) => Bind(OutOfTriesRule, maxAttempts);

    public static Expression<Func<FollowUpTask, bool>> NewlyOverdue(DateTime nowUtc) => Bind(OverdueRule, nowUtc);

    public static bool IsLapsed(FollowUpTask task, DateTime nowUtc) => LapsedCompiled(task, nowUtc);

    public static bool IsOutOfTries(FollowUpTask task, int maxAttempts) => OutOfTriesCompiled(task, maxAttempts);

    public static bool IsNewlyOverdue(FollowUpTask task, DateTime nowUtc) => OverdueCompiled(task, nowUtc);

    /// <summary>Fixes the rule's second parameter to a value (a captured one, so EF sends it as a SQL parameter).</summary>
    private static Expression<Func<FollowUpTask, bool>> Bind<T>(Expression<Func<FollowUpTask, T, bool>> rule, T value)
    {
        var captured = Expression.Property(Expression.Constant(new Captured<T>(value)), nameof(Captured<T>.Value));
        var body = new Replace(rule.Parameters[1], captured).Visit(rule.Body);
        return Expression.Lambda<Func<FollowUpTask, bool>>(body, rule.Parameters[0]);
    }

    private sealed record Captured<T>(T Value);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

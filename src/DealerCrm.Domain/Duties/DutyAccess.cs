using System.Linq.Expressions;
using System.Reflection;

namespace DealerCrm.Domain.Duties;

/// <summary>
/// The duty access rule (<see cref="DutyRules"/>) for one kind of duty: the kind says where its
/// entity keeps the owner, the pool role, the exclusion and the open state (small expressions),
/// and who supervises its pools; this class rewrites each rule onto the entity once, compiles it
/// once for memory, and binds it to a user for SQL.
/// </summary>
public sealed class DutyAccess<TDuty>
{
    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string));

    private readonly Dictionary<DutyRule, Expression<Func<TDuty, DutyViewer, bool>>> _rules = [];
    private readonly Dictionary<DutyRule, Func<TDuty, DutyViewer, bool>> _compiled = [];
    private readonly Func<TDuty, string, bool> _admits;

    /// <param name="owner">Who has the duty; null while it waits in its pool.</param>
    /// <param name="poolRole">The role whose pool it waits in (and whose members may be given it).</param>
    /// <param name="admits">True unless the user is one of those excluded from it (written as SQL can read it).</param>
    /// <param name="isOpen">Still to be done.</param>
    /// <param name="supervision">Who supervises which pools.</param>
    public DutyAccess(
        Expression<Func<TDuty, string?>> owner,
        Expression<Func<TDuty, string>> poolRole,
        Expression<Func<TDuty, string, bool>> admits,
        Expression<Func<TDuty, bool>> isOpen,
        DutySupervision supervision)
    {
        Supervision = supervision;
        _admits = admits.Compile();
        foreach (var rule in Enum.GetValues<DutyRule>())
        {
            var general = DutyRules.Of(rule);
            var duty = Expression.Parameter(typeof(TDuty), "t");
            var body = new OntoEntity(general.Parameters[0], duty, owner, poolRole, admits, isOpen).Visit(general.Body);
            var composed = Expression.Lambda<Func<TDuty, DutyViewer, bool>>(body, duty, general.Parameters[1]);
            _rules[rule] = composed;
            _compiled[rule] = composed.Compile();
        }
    }

    public DutySupervision Supervision { get; }

    /// <summary>The user as this kind of duty sees them: their id, roles, and the pools they supervise.</summary>
    public DutyViewer Viewer(string userId, IEnumerable<string> roles)
    {
        var held = roles.Distinct(StringComparer.Ordinal).ToList();
        return new DutyViewer(userId, held, Supervision.PoolsSupervisedBy(held));
    }

    /// <summary>The rule in memory (compiled once).</summary>
    public bool May(DutyRule rule, TDuty duty, DutyViewer viewer) => _compiled[rule](duty, viewer);

    /// <summary>The rule as written for this kind, the user still a parameter.</summary>
    public Expression<Func<TDuty, DutyViewer, bool>> Rule(DutyRule rule) => _rules[rule];

    /// <summary>
    /// The rule for one user, for a query: the user's id and roles become captured values (SQL
    /// parameters); a user seen in one pool only gets "role = @role", which an index seeks.
    /// </summary>
    public Expression<Func<TDuty, bool>> For(DutyRule rule, DutyViewer viewer)
    {
        var general = _rules[rule];
        var body = new BindViewer(general.Parameters[1], viewer).Visit(general.Body);
        return Expression.Lambda<Func<TDuty, bool>>(body, general.Parameters[0]);
    }

    /// <summary>The user is one of those who must never handle this duty.</summary>
    public bool Excludes(TDuty duty, string userId) => !_admits(duty, userId);

    // Captured values, so EF sends them as SQL parameters (named after the property: @UserId, @Role, @Roles).
    private sealed record UserIdValue(string UserId);

    private sealed record RoleValue(string Role);

    private sealed record RolesValue(IReadOnlyList<string> Roles);

    private static MemberExpression Capture(object holder, string property) => Expression.Property(Expression.Constant(holder), property);

    private static Expression Inline(LambdaExpression lambda, params Expression[] arguments)
    {
        var body = lambda.Body;
        for (var i = 0; i < arguments.Length; i++)
        {
            body = new Replace(lambda.Parameters[i], arguments[i]).Visit(body);
        }

        return body;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>Reads the general duty's members from the entity, through the kind's expressions.</summary>
    private sealed class OntoEntity(
        ParameterExpression general,
        ParameterExpression entity,
        LambdaExpression owner,
        LambdaExpression poolRole,
        LambdaExpression admits,
        LambdaExpression isOpen) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression != general
                ? base.VisitMember(node)
                : node.Member.Name switch
                {
                    nameof(Duty.OwnerUserId) => Inline(owner, entity),
                    nameof(Duty.PoolRole) => Inline(poolRole, entity),
                    nameof(Duty.IsOpen) => Inline(isOpen, entity),
                    _ => throw new NotSupportedException($"A duty rule reads {node.Member.Name} only through Duty.Admits."),
                };

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Object == general && node.Method.Name == nameof(Duty.Admits)
                ? Inline(admits, entity, Visit(node.Arguments[0]))
                : base.VisitMethodCall(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == general ? throw new NotSupportedException("A duty rule reads the duty only through its members.") : node;
    }

    /// <summary>Puts one user's values in place of the viewer parameter.</summary>
    private sealed class BindViewer(ParameterExpression viewerParameter, DutyViewer viewer) : ExpressionVisitor
    {
        private readonly Expression _userId = Capture(new UserIdValue(viewer.UserId), nameof(UserIdValue.UserId));

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == viewerParameter && node.Member.Name == nameof(DutyViewer.UserId) ? _userId : base.VisitMember(node);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Enumerable) && node.Method.Name == nameof(Enumerable.Contains)
                && Unwrap(node.Arguments[0]) is MemberExpression { Expression: var owner, Member.Name: var member } && owner == viewerParameter)
            {
                var roles = member == nameof(DutyViewer.Roles) ? viewer.Roles : viewer.SupervisedPools;
                var role = Visit(node.Arguments[1]);
                return roles.Count switch
                {
                    0 => Expression.Constant(false),
                    1 => Expression.Equal(role, Capture(new RoleValue(roles[0]), nameof(RoleValue.Role))),
                    _ => Expression.Call(Contains, Capture(new RolesValue(roles), nameof(RolesValue.Roles)), role),
                };
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == viewerParameter ? throw new NotSupportedException("A duty rule reads the viewer only through its members.") : node;

        private static Expression Unwrap(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : e;
    }
}

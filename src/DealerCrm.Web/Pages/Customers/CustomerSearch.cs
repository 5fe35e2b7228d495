using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// What the customer list is filtered by; the same filter drives the export.
/// <paramref name="MayRevealAnyNumber"/>: whether partial digit strings may match phones
/// (<see cref="PhoneSearchRule"/>); off unless the page says the user may reveal any number.
/// </summary>
public sealed record CustomerFilter(string? Query, string? SalespersonId, bool UnderWarranty, bool BirthdayThisMonth, bool MayRevealAnyNumber = false);

/// <summary>
/// A filter as the search's SQL parameters: each kind of key as the prefix the column must start
/// with (on SQL Server as a LIKE pattern). A null key leaves its branches out of the SQL: EF folds
/// "@key IS NOT NULL" into a constant, and keeps one SQL text for each pattern of nulls.
/// </summary>
public sealed record SearchArgs(
    string? Query,
    string? Number,
    string? Digits,
    string? Tail,
    string? Name,
    string? SalespersonId,
    DateOnly? WarrantyFrom,
    int? BirthdayMonth)
{
    /// <summary>Which kinds of key the query has: the search's SQL holds the branches of these only.</summary>
    public SearchShape Shape =>
        (Number is null ? 0 : SearchShape.Number) | (Digits is null ? 0 : SearchShape.Digits)
        | (Tail is null ? 0 : SearchShape.Tail) | (Name is null ? 0 : SearchShape.Name);
}

[Flags]
public enum SearchShape
{
    None = 0,
    Number = 1,
    Digits = 2,
    Tail = 4,
    Name = 8,
}

/// <summary>
/// The one search box: a customer number, the start of a name (or of a company's key contact),
/// a phone, plate or VIN whole or by its last four (or more) characters. Every branch is an
/// index seek: names by prefix, phones/plates/VINs through their reversed search keys, so
/// "ends with" is "starts with". The branches are UNIONed in SQL.
/// The search is one expression (<see cref="Matching"/>), so that the list can run it as a
/// compiled query: a search then skips EF's per-query work on the expression tree, a third of
/// its CPU. Queries built on it call <see cref="Found"/>, which <see cref="Expand{T}"/> inlines.
/// </summary>
public static class CustomerSearch
{
    public const int MinimumTailLength = 4;

    // Compiled queries take scalar parameters only, hence one per argument.
    private static readonly Expression<Func<DealerCrmDbContext, string?, string?, string?, string?, string?, string?, DateOnly?, int?, IQueryable<Customer>>> Matching =
        (db, query, number, digits, tail, name, salespersonId, warrantyFrom, birthdayMonth) =>
            db.Customers.Where(c => c.MergedIntoId == null
                && (query == null
                    || AnyOf(
                        When(number, db.Customers.Where(x => x.Number == number).Select(x => x.Id)),
                        When(digits, db.Customers.Where(x => KeyStartsWith(x.MobileSearchKey, digits)).Select(x => x.Id)),
                        When(digits, db.CustomerPhones.Where(p => KeyStartsWith(p.SearchKeyValue, digits)).Select(p => p.CustomerId)),
                        When(tail, db.Vehicles.Where(v => KeyStartsWith(v.VinSearchKey, tail)).Select(v => v.CustomerId)),
                        When(tail, db.Vehicles.Where(v => KeyStartsWith(v.PlateSearchKey, tail)).Select(v => v.CustomerId)),
                        When(name, db.Customers.Where(x => KeyStartsWith(x.Name, name)).Select(x => x.Id)),
                        When(name, db.Customers.Where(x => KeyStartsWith(x.ContactPerson, name)).Select(x => x.Id)))
                    .Contains(c.Id))
                && (salespersonId == null || c.SalespersonId == salespersonId)
                && (warrantyFrom == null || db.Vehicles.Any(v => v.CustomerId == c.Id && v.WarrantyExpiry >= warrantyFrom))
                && (birthdayMonth == null || (c.Birthday != null && c.Birthday.Value.Month == birthdayMonth)));

    /// <summary>Which of <see cref="Matching"/>'s parameters carries which kind of key.</summary>
    private static readonly Dictionary<ParameterExpression, SearchShape> KeyParameters = new()
    {
        [Matching.Parameters[2]] = SearchShape.Number,
        [Matching.Parameters[3]] = SearchShape.Digits,
        [Matching.Parameters[4]] = SearchShape.Tail,
        [Matching.Parameters[5]] = SearchShape.Name,
    };

    /// <summary>The customers a filter finds, as a query to build on (the export).</summary>
    public static IQueryable<Customer> Apply(DealerCrmDbContext db, CustomerFilter filter, DateOnly today)
    {
        var sqlite = db.Database.IsSqlite();
        var a = ArgsFor(filter, today, sqlite);
        var values = new object?[] { null, a.Query, a.Number, a.Digits, a.Tail, a.Name, a.SalespersonId, a.WarrantyFrom, a.BirthdayMonth };
        // The values as captured variables (boxes), so that EF sends them as SQL parameters, not literals.
        var bound = Matching.Parameters.Select((p, i) => (p, i == 0
            ? (Expression)Expression.Constant(db)
            : Expression.Field(Expression.Constant(Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(p.Type), values[i])), "Value"))).ToDictionary();
        return ((IQueryable<Customer>)db.Customers).Provider.CreateQuery<Customer>(new Inliner(sqlite, a.Shape, bound).Visit(Matching.Body));
    }

    /// <summary>
    /// Stands for the search inside a query expression given to <see cref="Expand{T}"/>, which
    /// inlines it; pass the fields of a <see cref="SearchArgs"/> in order.
    /// </summary>
    public static IQueryable<Customer> Found(DealerCrmDbContext db, string? query, string? number, string? digits, string? tail, string? name, string? salespersonId, DateOnly? warrantyFrom, int? birthdayMonth) =>
        throw new InvalidOperationException("Only for query expressions: CustomerSearch.Expand inlines it.");

    /// <summary>
    /// A query expression with the search inlined in place of its <see cref="Found"/> calls, for
    /// the provider and with the branches of the shape's keys only: ready to compile, once per shape.
    /// </summary>
    public static Expression<T> Expand<T>(Expression<T> query, bool sqlite, SearchShape shape) =>
        (Expression<T>)new Inliner(sqlite, shape, []).Visit(query);

    public static SearchArgs ArgsFor(CustomerFilter filter, DateOnly today, bool sqlite)
    {
        var query = string.IsNullOrWhiteSpace(filter.Query) ? null : filter.Query.Trim();
        var compact = query is null ? "" : new string(query.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '·' or '+')).ToArray()).ToUpperInvariant();
        var isTail = compact.Length >= MinimumTailLength;
        var phoneDigits = isTail && compact.All(char.IsAsciiDigit) ? ChineseMobile.Normalize(compact) : null;
        var digits = phoneDigits is not null && PhoneSearchRule.MatchesPhones(phoneDigits, filter.MayRevealAnyNumber) ? SearchKey.Reversed(phoneDigits) : null;
        var tail = isTail && compact.All(c => char.IsAsciiLetterOrDigit(c) || PlateNumber.Provinces.Contains(c)) ? SearchKey.Reversed(compact) : null;
        var name = query is not null && !compact.All(char.IsAsciiDigit) ? query : null;
        return new SearchArgs(
            query,
            query is not null && CustomerNumber.IsWellFormed(compact) ? compact : null,
            Prefix(digits, sqlite),
            Prefix(tail, sqlite),
            Prefix(name, sqlite),
            string.IsNullOrEmpty(filter.SalespersonId) ? null : filter.SalespersonId,
            filter.UnderWarranty ? today : null,
            filter.BirthdayThisMonth ? today.Month : null);
    }

    /// <summary>Whether a query is a search by phone digits (every such search is written to the privacy log, without the digits).</summary>
    public static bool IsPhoneDigits(string? query)
    {
        var compact = query is null ? "" : new string(query.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '+')).ToArray());
        return compact.Length >= MinimumTailLength && compact.All(char.IsAsciiDigit);
    }

    /// <summary>The prefix as the provider's "starts with" takes it: itself on SQLite, a LIKE 'prefix%' pattern on SQL Server.</summary>
    private static string? Prefix(string? prefix, bool sqlite) => prefix is null || sqlite
        ? prefix
        : prefix.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal) + "%";

    /// <summary>
    /// Stands for "column starts with" in <see cref="Matching"/>; <see cref="Inliner"/> writes it
    /// so that the column's index answers it: a range on SQLite (whose LIKE cannot use a binary
    /// index), LIKE on SQL Server.
    /// </summary>
    private static bool KeyStartsWith(string? column, string? prefix) => throw MarkerOnly();

    /// <summary>Stands for the UNION of the branches whose key the query has (<see cref="When"/>).</summary>
    private static IQueryable<int> AnyOf(params IQueryable<int>[] branches) => throw MarkerOnly();

    /// <summary>Stands for a branch of <see cref="AnyOf"/> that is searched only when the query has <paramref name="key"/>.</summary>
    private static IQueryable<int> When(string? key, IQueryable<int> branch) => throw MarkerOnly();

    private static InvalidOperationException MarkerOnly() => new("Only for query expressions: CustomerSearch's Inliner rewrites it.");

    private static readonly MethodInfo KeyStartsWithMethod = typeof(CustomerSearch).GetMethod(nameof(KeyStartsWith), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo FoundMethod = typeof(CustomerSearch).GetMethod(nameof(Found))!;
    private static readonly MethodInfo AnyOfMethod = typeof(CustomerSearch).GetMethod(nameof(AnyOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo WhenMethod = typeof(CustomerSearch).GetMethod(nameof(When), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo UnionMethod = new Func<IQueryable<int>, IEnumerable<int>, IQueryable<int>>(Queryable.Union).Method;
    private static readonly MethodInfo WhereMethod = new Func<IQueryable<int>, Expression<Func<int, bool>>, IQueryable<int>>(Queryable.Where).Method;
    private static readonly MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    /// <summary>Inlines <see cref="Found"/>, keeps the branches of the shape and writes <see cref="KeyStartsWith"/> for the provider.</summary>
    private sealed class Inliner(bool sqlite, SearchShape shape, Dictionary<ParameterExpression, Expression> bound) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            bound.TryGetValue(node, out var value) ? value : node;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == FoundMethod)
            {
                var arguments = Matching.Parameters.Zip(node.Arguments, (parameter, argument) => (parameter, Visit(argument))).ToDictionary();
                return new Inliner(sqlite, shape, arguments).Visit(Matching.Body);
            }

            if (node.Method == AnyOfMethod)
            {
                var branches = ((NewArrayExpression)node.Arguments[0]).Expressions.Cast<MethodCallExpression>().ToList();
                var searched = branches.Where(b => shape.HasFlag(KeyParameters[(ParameterExpression)b.Arguments[0]])).Select(b => Visit(b.Arguments[1])).ToList();
                if (searched.Count == 0)
                {
                    // Nothing in the query can be a key (two digits, say): it finds no one.
                    var id = Expression.Parameter(typeof(int), "id");
                    return Expression.Call(WhereMethod, Visit(branches[0].Arguments[1]), Expression.Lambda<Func<int, bool>>(Expression.Constant(false), id));
                }

                return searched.Skip(1).Aggregate(searched[0], (union, branch) => Expression.Call(UnionMethod, union, branch));
            }

            if (node.Method == KeyStartsWithMethod)
            {
                var (column, prefix) = (Visit(node.Arguments[0]), Visit(node.Arguments[1]));
                var end = Expression.Call(ConcatMethod, prefix, Expression.Constant(char.ConvertFromUtf32(0x10FFFF)));
                return sqlite
                    ? Expression.AndAlso(
                        Expression.GreaterThanOrEqual(Expression.Call(CompareMethod, column, prefix), Expression.Constant(0)),
                        Expression.LessThan(Expression.Call(CompareMethod, column, end), Expression.Constant(0)))
                    : Expression.Call(LikeMethod, Expression.Constant(EF.Functions), column, prefix);
            }

            return base.VisitMethodCall(node);
        }
    }
}

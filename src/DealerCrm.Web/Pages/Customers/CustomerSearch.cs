using System.Linq.Expressions;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>What the customer list is filtered by; the same filter drives the export.</summary>
public sealed record CustomerFilter(string? Query, string? SalespersonId, bool UnderWarranty, bool BirthdayThisMonth);

/// <summary>
/// The one search box: a customer number, the start of a name (or of a company's key contact),
/// a phone, plate or VIN whole or by its last four (or more) characters. Every branch is an
/// index seek: names by prefix, phones/plates/VINs through their reversed search keys, so
/// "ends with" is "starts with". The branches that fit the query's shape are UNIONed in SQL.
/// </summary>
public static class CustomerSearch
{
    public const int MinimumTailLength = 4;

    public static IQueryable<Customer> Apply(DealerCrmDbContext db, CustomerFilter filter, DateOnly today)
    {
        var customers = db.Customers.Where(c => c.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var ids = MatchingIds(db, filter.Query.Trim());
            customers = customers.Where(c => ids.Contains(c.Id));
        }

        if (!string.IsNullOrEmpty(filter.SalespersonId))
        {
            customers = customers.Where(c => c.SalespersonId == filter.SalespersonId);
        }

        if (filter.UnderWarranty)
        {
            customers = customers.Where(c => db.Vehicles.Any(v => v.CustomerId == c.Id && v.WarrantyExpiry >= today));
        }

        if (filter.BirthdayThisMonth)
        {
            customers = customers.Where(c => c.Birthday != null && c.Birthday.Value.Month == today.Month);
        }

        return customers;
    }

    private static IQueryable<int> MatchingIds(DealerCrmDbContext db, string query)
    {
        var sqlite = db.Database.IsSqlite();
        var compact = new string(query.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '·' or '+')).ToArray()).ToUpperInvariant();
        IQueryable<int>? ids = null;
        void Or(IQueryable<int> more) => ids = ids is null ? more : ids.Union(more);

        if (CustomerNumber.IsWellFormed(compact))
        {
            Or(db.Customers.Where(c => c.Number == compact).Select(c => c.Id));
        }

        if (compact.Length >= MinimumTailLength && compact.All(char.IsAsciiDigit))
        {
            var tail = SearchKey.Reversed(ChineseMobile.Normalize(compact))!;
            Or(StartsWith(db.Customers, c => c.MobileSearchKey, tail, sqlite).Select(c => c.Id));
            Or(StartsWith(db.CustomerPhones, p => p.SearchKeyValue, tail, sqlite).Select(p => p.CustomerId));
        }

        if (compact.Length >= MinimumTailLength && compact.All(c => char.IsAsciiLetterOrDigit(c) || PlateNumber.Provinces.Contains(c)))
        {
            var tail = SearchKey.Reversed(compact)!;
            Or(StartsWith(db.Vehicles, v => v.VinSearchKey, tail, sqlite).Select(v => v.CustomerId));
            Or(StartsWith(db.Vehicles, v => v.PlateSearchKey, tail, sqlite).Select(v => v.CustomerId));
        }

        if (!compact.All(char.IsAsciiDigit))
        {
            Or(StartsWith(db.Customers, c => c.Name, query, sqlite).Select(c => c.Id));
            Or(StartsWith(db.Customers, c => c.ContactPerson, query, sqlite).Select(c => c.Id));
        }

        return ids ?? db.Customers.Where(_ => false).Select(c => c.Id);
    }

    /// <summary>
    /// "Column starts with prefix", written so the column's index answers it: a range on SQLite
    /// (whose LIKE cannot use a binary index), LIKE 'prefix%' on SQL Server.
    /// </summary>
    private static IQueryable<T> StartsWith<T>(IQueryable<T> source, Expression<Func<T, string?>> column, string prefix, bool sqlite)
    {
        var row = column.Parameters[0];
        Expression condition;
        if (sqlite)
        {
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            var from = Expression.Call(compare, column.Body, Parameter(prefix));
            var to = Expression.Call(compare, column.Body, Parameter(prefix + char.ConvertFromUtf32(0x10FFFF)));
            condition = Expression.AndAlso(
                Expression.GreaterThanOrEqual(from, Expression.Constant(0)),
                Expression.LessThan(to, Expression.Constant(0)));
        }
        else
        {
            var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
            var pattern = prefix.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal) + "%";
            condition = Expression.Call(like, Expression.Constant(EF.Functions), column.Body, Parameter(pattern));
        }

        return source.Where(Expression.Lambda<Func<T, bool>>(condition, row));
    }

    // A captured value, so EF sends a SQL parameter (one cached plan) rather than a literal per query.
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Value));

    private sealed record Captured(string Value);
}

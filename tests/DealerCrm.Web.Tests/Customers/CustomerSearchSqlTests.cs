using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Pages.Customers;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// The SQL the search box sends, per provider (no server needed): every key an index prefix
/// search, and only the branches the query's shape can match.
/// </summary>
public sealed class CustomerSearchSqlTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void On_sql_server_a_plate_is_a_LIKE_prefix_of_the_reversed_keys_and_no_phone_is_searched()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = CustomerSearch.Apply(db, new CustomerFilter("粤A 12345", null, false, false), Today).Select(c => c.Id).ToQueryString();

        Assert.Contains("N'54321A粤%'", sql);
        Assert.Contains("[PlateSearchKey] LIKE @", sql);
        Assert.Contains("[VinSearchKey] LIKE @", sql);
        Assert.Contains("[Name] LIKE @", sql);
        Assert.DoesNotContain("MobileSearchKey", sql);
        Assert.DoesNotContain("CustomerPhones", sql);
        Assert.DoesNotContain(">=", sql);
    }

    [Fact]
    public void On_sql_server_a_name_escapes_LIKE_wildcards()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = CustomerSearch.Apply(db, new CustomerFilter("王_5%", null, false, false), Today).Select(c => c.Id).ToQueryString();

        Assert.Contains("N'王[_]5[%]%'", sql);
    }

    [Fact]
    public void On_sqlite_the_last_four_digits_are_index_ranges_over_phones_vins_and_plates_but_not_names()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var sql = CustomerSearch.Apply(db, new CustomerFilter("5678", null, false, false), Today).Select(c => c.Id).ToQueryString();

        Assert.Contains("\"MobileSearchKey\" >= @", sql);
        Assert.Contains("\"CustomerPhones\"", sql);
        Assert.Contains("\"VinSearchKey\" >= @", sql);
        Assert.Contains("\"PlateSearchKey\" >= @", sql);
        Assert.DoesNotContain("\"Name\" >=", sql);
        Assert.DoesNotContain("\"Number\" =", sql);
        Assert.DoesNotContain("LIKE", sql);
    }

    [Fact]
    public void A_query_that_can_be_no_key_finds_no_one_without_searching()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var sql = CustomerSearch.Apply(db, new CustomerFilter("12", null, false, false), Today).Select(c => c.Id).ToQueryString();

        Assert.Contains("WHERE 0", sql);
        Assert.DoesNotContain("SearchKey", sql);
    }
}

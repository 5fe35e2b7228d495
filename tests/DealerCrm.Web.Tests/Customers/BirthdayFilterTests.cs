using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>The small site half an hour before midnight of 30 November in Guangzhou (15:30 UTC).</summary>
public sealed class MonthEndFactory : SmallDemoFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 30, 0, TimeSpan.Zero);

    public MonthEndFactory() => Time.SetUtcNow(Start);
}

/// <summary>"Birthday this month" is the dealership's month: at 00:30 on 1 December in Guangzhou it is December, though UTC still says November.</summary>
public sealed class BirthdayFilterTests(MonthEndFactory factory) : IClassFixture<MonthEndFactory>
{
    [Fact]
    public async Task The_birthday_filter_turns_to_December_at_midnight_in_Guangzhou_not_at_midnight_UTC()
    {
        var november = await CustomerTestData.CreateCustomerAsync(factory, "月末十一月生日", birthday: new DateOnly(1980, 11, 30));
        var december = await CustomerTestData.CreateCustomerAsync(factory, "月末十二月生日", birthday: new DateOnly(1990, 12, 1));

        using (var before = await SiteClient.SignedInAsync(factory, Roles.CsAgent))
        {
            Assert.Equal(await BirthdaysInAsync(11), Html.Total(await before.GetHtmlAsync("/Customers?birthday=true")));
            Assert.Equal([november.Id], Html.CustomerIds(await before.GetHtmlAsync("/Customers?birthday=true&q=月末")));
        }

        factory.Time.Advance(TimeSpan.FromHours(1)); // 16:30 UTC, still 30 November there; 00:30, 1 December here

        using var after = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        Assert.Equal(await BirthdaysInAsync(12), Html.Total(await after.GetHtmlAsync("/Customers?birthday=true")));
        Assert.Equal([december.Id], Html.CustomerIds(await after.GetHtmlAsync("/Customers?birthday=true&q=月末")));
    }

    private Task<int> BirthdaysInAsync(int month) =>
        factory.WithDbAsync(db => db.Customers.CountAsync(c => c.MergedIntoId == null && c.Birthday != null && c.Birthday.Value.Month == month));
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>The audit trail as people read it: labels, yuan, enum labels, names, local times, no keys.</summary>
public sealed class AuditReadableTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task A_service_visit_in_the_trail_reads_in_yuan_with_labels_the_advisors_name_and_no_keys()
    {
        var customer = await CustomerTestData.CreateCustomerAsync(factory, "审计可读客户");
        var vehicle = await CustomerTestData.AddVehicleAsync(factory, customer.Id, CustomerTestData.NewPlate());
        var advisorId = await CustomerTestData.UserIdAsync(factory, "serviceadvisor");
        var clock = factory.Services.GetService(typeof(DealershipClock)) as DealershipClock;
        await factory.WithDbAsync(async db =>
        {
            db.ServiceVisits.Add(new ServiceVisit(vehicle.Id, customer.Id, new ServiceVisitDetails(clock!.Today.AddDays(-1), 12345,
                ServiceVisitType.Maintenance, "更换机油", advisorId, Money.FromYuan(1898.50m), null, null), clock.UtcNow, "serviceadvisor"));
            await db.SaveChangesAsync();
        });

        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);
        var trail = Html.PlainText(Html.Section(await director.GetHtmlAsync($"/Customers/{customer.Id}/Audit"), "audit-table"));

        Assert.Contains("¥1,898.50", trail);
        Assert.DoesNotContain("189850", trail);
        Assert.Contains("保养", trail);
        Assert.DoesNotContain("Maintenance", trail);
        Assert.Contains("李强", trail);
        Assert.DoesNotContain(advisorId, trail);
        Assert.Contains(new DisplayDate(clock!.Today.AddDays(-1)).Text, trail);
        Assert.DoesNotContain("CustomerId", trail);
        Assert.DoesNotContain("VehicleId", trail);
        Assert.DoesNotContain("-2147", trail);
        Assert.DoesNotContain("SearchKey", trail);
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\dT\d\d", trail);
    }

    /// <summary>A date as the site writes it in Chinese (2026年11月22日).</summary>
    private sealed record DisplayDate(DateOnly Day)
    {
        public string Text => $"{Day.Year}年{Day.Month}月{Day.Day}日";
    }
}

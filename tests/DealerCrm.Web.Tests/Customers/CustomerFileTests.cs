using System.Globalization;
using System.Net;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>/Customers/{id}: the whole file on one page.</summary>
public sealed class CustomerFileTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Fact]
    public async Task The_file_shows_profile_family_vehicles_deliveries_service_history_and_timeline()
    {
        var file = await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.Family)
                .Where(c => c.Kind == CustomerKind.Person && c.Family.Any(f => f.Birthday != null) && c.Occupation != null
                            && db.ServiceVisits.Count(s => s.CustomerId == c.Id) >= 2 && db.Vehicles.Any(v => v.CustomerId == c.Id && v.Plate != null))
                .OrderBy(c => c.Id).FirstAsync();
            var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            return new
            {
                Customer = customer,
                Salesperson = names[customer.SalespersonId!],
                Vehicles = await db.Vehicles.Where(v => v.CustomerId == customer.Id).ToListAsync(),
                Deliveries = await db.Deliveries.Where(d => d.CustomerId == customer.Id).ToListAsync(),
                Visits = await db.ServiceVisits.Where(s => s.CustomerId == customer.Id).ToListAsync(),
                Names = names,
            };
        });
        var clock = factory.Services.GetRequiredService<DealershipClock>();
        var c = file.Customer;
        using var client = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        var html = await client.GetHtmlAsync($"/Customers/{c.Id}");

        Assert.Contains(c.Name, Html.Section(html, "customer-name"));
        Assert.Contains(c.Number, Html.Section(html, "customer-number"));
        Assert.Contains(file.Salesperson, Html.Section(html, "salesperson"));
        var page = Html.Text(html);
        Assert.Contains(c.Occupation!, page);
        Assert.Contains(c.Address!, Html.Section(html, "contact-card"));
        Assert.Contains(PhoneMask.Mask(c.Mobile), Html.Section(html, "mobile"));
        if (c.Birthday is { } birthday)
        {
            Assert.Contains(Chinese(birthday), page);
        }

        Assert.Contains("家庭成员", page);
        foreach (var member in c.Family)
        {
            Assert.Contains(member.Name, page);
            Assert.Contains(Chinese(member.Birthday!.Value), page);
        }

        var vehicles = Html.Section(html, "vehicles");
        foreach (var vehicle in file.Vehicles)
        {
            Assert.Contains(vehicle.Vin, vehicles);
            Assert.Contains(vehicle.Model, vehicles);
            if (vehicle.Plate is not null)
            {
                Assert.Contains(vehicle.Plate, vehicles);
            }
        }

        Assert.Equal(file.Vehicles.Any(v => v.IsUnderWarranty(clock.Today)), page.Contains("保修期内", StringComparison.Ordinal));
        var deliveries = Html.Section(html, "deliveries");
        foreach (var delivery in file.Deliveries)
        {
            Assert.Contains(delivery.Price.ToString(), deliveries);
            Assert.Contains(file.Names[delivery.SalespersonId], deliveries);
            var local = clock.ToLocal(delivery.DeliveredAtUtc);
            Assert.Contains(Chinese(DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture), deliveries);
        }

        var visits = Html.Section(html, "visits");
        foreach (var visit in file.Visits)
        {
            Assert.Contains(visit.WorkItems, visits);
            Assert.Contains(Chinese(visit.VisitDate), visits);
            Assert.Contains(visit.Mileage.ToString("N0", CultureInfo.InvariantCulture) + " 公里", visits);
            Assert.Contains(file.Names[visit.ServiceAdvisorId], visits);
        }

        var timeline = Html.Section(html, "timeline");
        Assert.Contains("建立档案", timeline);
        foreach (var delivery in file.Deliveries)
        {
            var vehicle = file.Vehicles.Single(v => v.Id == delivery.VehicleId);
            Assert.Contains($"交车：{vehicle.Brand} {vehicle.Model}（销售顾问 {file.Names[delivery.SalespersonId]}）", timeline);
        }

        Assert.Equal(file.Visits.Count, CountOf(timeline, "（服务顾问 "));
    }

    [Fact]
    public async Task Service_history_lists_the_newest_visit_first()
    {
        var customerId = await factory.WithDbAsync(db => db.Customers
            .Where(c => db.ServiceVisits.Count(s => s.CustomerId == c.Id) >= 3).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var dates = await factory.WithDbAsync(db => db.ServiceVisits.Where(s => s.CustomerId == customerId).Select(s => s.VisitDate).ToListAsync());
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);

        var visits = Html.Section(await client.GetHtmlAsync($"/Customers/{customerId}"), "visits");

        var positions = dates.OrderByDescending(d => d).Select(d => visits.IndexOf(Chinese(d), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task A_prospect_shows_as_such_with_its_needs()
    {
        var prospect = await factory.WithDbAsync(db => db.Customers
            .Where(c => c.InterestedModels != null && !db.Deliveries.Any(d => d.CustomerId == c.Id)).OrderBy(c => c.Id).FirstAsync());
        using var client = await SiteClient.SignedInAsync(factory, Roles.Salesperson);

        var page = Html.Text(await client.GetHtmlAsync($"/Customers/{prospect.Id}"));

        Assert.Contains("潜在客户", page);
        Assert.Contains("购车需求", page);
        Assert.Contains(prospect.InterestedModels!, page);
        Assert.Contains("暂无交车记录。", page);
    }

    [Fact]
    public async Task A_company_file_shows_its_key_contact()
    {
        var company = await factory.WithDbAsync(db => db.Customers.Where(c => c.Kind == CustomerKind.Company && c.ContactPerson != null).OrderBy(c => c.Id).FirstAsync());
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);

        var html = await client.GetHtmlAsync($"/Customers/{company.Id}");

        Assert.Contains("bi-building", Html.Section(html, "customer-name"));
        var contact = Html.Section(html, "contact-card");
        Assert.Contains("关键联系人", contact);
        Assert.Contains(company.ContactPerson!, contact);
    }

    [Fact]
    public async Task Each_role_sees_only_the_actions_it_may_take()
    {
        var customerId = await factory.WithDbAsync(db => db.Vehicles.OrderBy(v => v.Id).Select(v => v.CustomerId).FirstAsync());

        async Task<string> ActionsOf(string role)
        {
            using var client = await SiteClient.SignedInAsync(factory, role);
            var html = await client.GetHtmlAsync($"/Customers/{customerId}");
            return Html.Has(html, "customer-actions") ? Html.Section(html, "customer-actions") : "";
        }

        var advisor = await ActionsOf(Roles.ServiceAdvisor);
        Assert.Contains("record-visit", advisor);
        Assert.DoesNotContain("record-delivery", advisor);
        Assert.DoesNotContain("/Merge", advisor);

        var salesperson = await ActionsOf(Roles.Salesperson);
        Assert.Contains("record-delivery", salesperson);
        Assert.DoesNotContain("record-visit", salesperson);

        var director = await ActionsOf(Roles.CsDirector);
        Assert.Contains($"/Customers/{customerId}/Audit", director);
        Assert.Contains($"/Customers/{customerId}/Merge", director);
        Assert.Contains($"/Customers/{customerId}/Anonymise", director);
        Assert.Contains($"/Customers/{customerId}/DataExport", director);

        var technical = await ActionsOf(Roles.TechnicalDirector);
        Assert.DoesNotContain("href", technical);
    }

    [Fact]
    public async Task An_unknown_file_is_404()
    {
        using var client = await SiteClient.SignedInAsync(factory, Roles.CsAgent);
        using var response = await client.GetAsync("/Customers/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Tests.Customers;

public sealed class VehicleRecordTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_vehicle_keeps_reversed_search_keys_so_a_tail_search_is_a_prefix_search()
    {
        var vehicle = new Vehicle(1, "LJCPCBLCX11000237", Details("粤A12345"), Now);

        Assert.Equal("73200011XCLBCPCJL", vehicle.VinSearchKey);
        Assert.StartsWith(SearchKey.Reversed("000237")!, vehicle.VinSearchKey, StringComparison.Ordinal);
        Assert.Equal("54321A粤", vehicle.PlateSearchKey);
        Assert.StartsWith(SearchKey.Reversed("2345")!, vehicle.PlateSearchKey, StringComparison.Ordinal);

        vehicle.CorrectVin("1M8GDM9AXKP042788");
        Assert.Equal("887240PKXA9MDG8M1", vehicle.VinSearchKey);
    }

    [Fact]
    public void A_plate_means_the_car_is_registered()
    {
        var vehicle = new Vehicle(1, "LJCPCBLCX11000237", Details(null) with { RegistrationStatus = RegistrationStatus.InProgress }, Now);
        Assert.Equal(RegistrationStatus.InProgress, vehicle.RegistrationStatus);
        Assert.Null(vehicle.PlateSearchKey);

        vehicle.Update(Details("粤AD12345") with { RegistrationStatus = RegistrationStatus.NotRegistered });
        Assert.Equal(RegistrationStatus.Registered, vehicle.RegistrationStatus);

        vehicle.ForgetPlate();
        Assert.Null(vehicle.Plate);
        Assert.Null(vehicle.PlateSearchKey);
    }

    [Fact]
    public void Warranty_runs_to_the_end_of_its_last_day()
    {
        var vehicle = new Vehicle(1, "LJCPCBLCX11000237", Details("粤A12345") with { WarrantyExpiry = new DateOnly(2026, 11, 23) }, Now);

        Assert.True(vehicle.IsUnderWarranty(new DateOnly(2026, 11, 22)));
        Assert.True(vehicle.IsUnderWarranty(new DateOnly(2026, 11, 23)));
        Assert.False(vehicle.IsUnderWarranty(new DateOnly(2026, 11, 24)));
        Assert.False(new Vehicle(1, "11111111111111111", Details(null), Now).IsUnderWarranty(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_delivery_price_cannot_be_negative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Delivery(1, 1, Now, "sales-1", Money.FromYuan(-1m), PaymentMethod.FullPayment, null, Now, "salesperson"));

    [Fact]
    public void A_delivery_may_be_free_and_trims_its_notes()
    {
        var delivery = new Delivery(1, 1, Now.AddDays(-1), "sales-1", Money.Zero, PaymentMethod.Loan, "  ", Now, "salesperson");
        Assert.Null(delivery.Notes);
        Assert.Equal(Now.AddDays(-1), delivery.DeliveredAtUtc);

        delivery.MoveToCustomer(7);
        Assert.Equal(7, delivery.CustomerId);
    }

    [Theory]
    [InlineData(-0.01, 1000)]
    [InlineData(100, -1)]
    public void A_service_visit_amount_or_mileage_cannot_be_negative(decimal yuan, int mileage) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceVisit(1, 1, Visit(Money.FromYuan(yuan), mileage), Now, "serviceadvisor"));

    [Fact]
    public void A_warranty_claim_may_cost_nothing()
    {
        var visit = new ServiceVisit(1, 1, Visit(Money.Zero, 12_000) with { Type = ServiceVisitType.WarrantyClaim, WorkItems = "  车机黑屏：索赔更换多媒体主机 " }, Now, "serviceadvisor");

        Assert.Equal(Money.Zero, visit.Amount);
        Assert.Equal("车机黑屏：索赔更换多媒体主机", visit.WorkItems);
    }

    [Theory]
    [InlineData("13812345678", "87654321831")]
    [InlineData("粤A12345", "54321A粤")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Search_keys_are_the_value_reversed(string? value, string? key) => Assert.Equal(key, SearchKey.Reversed(value));

    private static VehicleDetails Details(string? plate) =>
        new(plate, "丰田", "凯美瑞", "珍珠白", RegistrationStatus.NotRegistered, null, null, null, null);

    private static ServiceVisitDetails Visit(Money amount, int mileage) =>
        new(new DateOnly(2026, 11, 20), mileage, ServiceVisitType.Maintenance, "常规保养", "advisor-1", amount, null, null);
}

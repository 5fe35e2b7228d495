using DealerCrm.Web.Tests.Infrastructure;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>A site with a smaller demo dealership (60 customers): enough for the tests that bring their own data, quicker to start.</summary>
public class SmallDemoFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Customers"] = "60" };
}

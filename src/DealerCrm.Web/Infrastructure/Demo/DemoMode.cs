namespace DealerCrm.Web.Infrastructure.Demo;

public static class DemoMode
{
    /// <summary>Demo data on first start in Development, or anywhere with Demo:Seed=true.</summary>
    public static bool IsOn(IWebHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment();
}

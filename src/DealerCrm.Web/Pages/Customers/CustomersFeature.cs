using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Pages.Customers.Import;

namespace DealerCrm.Web.Pages.Customers;

public static class CustomersFeature
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<ICustomerTimelineSource, CustomerFileTimelineSource>();
        services.AddScoped<ICustomerMergeStep, CustomerRecordsMergeStep>();
        services.AddScoped<ImportPlanner>();
        services.AddSingleton<ImportJobs>();

        // A singleton so tests can stop it as the host does at shutdown.
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportWorker>());
        services.AddScoped<IDemoDataSeeder, CustomerDemoData>();
        return services;
    }
}

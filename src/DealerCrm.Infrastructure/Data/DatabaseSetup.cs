using DealerCrm.Infrastructure.Data.Interceptors;
using DealerCrm.Infrastructure.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Which database the site uses. With no configuration: an embedded SQLite file in the data
/// folder, created and migrated on first start.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "DealerCrm";

    public static DatabaseSettings From(IConfiguration configuration, string dataDirectory)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(providerName, ignoreCase: true);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:DealerCrm is empty.");
            }

            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "dealercrm.db"),
                DefaultTimeout = 30,
            }.ToString();
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Configures options for the provider's own context subclass.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(ConnectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"));
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DealerCrmDbContext"/> as the provider's subclass, with the audit and
    /// concurrency interceptors (scoped: the audit interceptor knows the scope's user).
    /// </summary>
    public static IServiceCollection AddDealerCrmDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<VersionBumpInterceptor>();
        services.AddSingleton<StaffChanges>();
        services.AddSingleton<StaffChangeInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<CustomerNumberAllocator>();

        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            settings.Configure(options);
            options.AddInterceptors(sp.GetRequiredService<VersionBumpInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<StaffChangeInterceptor>());
        }

        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<DealerCrmDbContext, SqlServerDealerCrmDbContext>(Configure);
        }
        else
        {
            services.AddDbContext<DealerCrmDbContext, SqliteDealerCrmDbContext>(Configure);
        }

        return services;
    }
}

using DealerCrm.Domain.Common;
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
    /// Registers <see cref="DealerCrmDbContext"/> as the provider's subclass, pooled, with the audit,
    /// concurrency and staff-change interceptors. A pooled context skips building EF's per-context
    /// services on every request (a fifth of a customer search's CPU). Pooled contexts share their
    /// options, so whatever belongs to one scope (who is acting) is handed to the context when the
    /// scope takes it from the pool, not to an interceptor.
    /// </summary>
    public static IServiceCollection AddDealerCrmDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<VersionBumpInterceptor>();
        services.AddSingleton<StaffChanges>();
        services.AddSingleton<StaffChangeInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<FollowUpFactsInterceptor>();
        services.AddSingleton<CustomerNumberAllocator>();

        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            settings.Configure(options);
            options.AddInterceptors(sp.GetRequiredService<VersionBumpInterceptor>(), sp.GetRequiredService<FollowUpFactsInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<StaffChangeInterceptor>());
        }

        return settings.Provider == DatabaseProvider.SqlServer
            ? services.AddPooledContext<SqlServerDealerCrmDbContext>(Configure)
            : services.AddPooledContext<SqliteDealerCrmDbContext>(Configure);
    }

    private static IServiceCollection AddPooledContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : DealerCrmDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<DealerCrmDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.Actor = sp.GetService<ICurrentActor>() ?? SystemActor.Instance;
            return db;
        });
        return services;
    }
}

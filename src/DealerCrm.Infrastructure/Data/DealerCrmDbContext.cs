using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Letters;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// The one DbContext, Identity included. Each database provider has a thin subclass so that
/// each keeps its own migrations (SqliteDealerCrmDbContext, SqlServerDealerCrmDbContext).
/// </summary>
public abstract class DealerCrmDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string, IdentityUserClaim<string>, AppUserRole, IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerPhone> CustomerPhones => Set<CustomerPhone>();

    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();

    public DbSet<ContactChange> ContactChanges => Set<ContactChange>();

    public DbSet<Vehicle> Vehicles => Set<Vehicle>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<ServiceVisit> ServiceVisits => Set<ServiceVisit>();

    public DbSet<PrivacyLogEntry> PrivacyLog => Set<PrivacyLogEntry>();

    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();

    public DbSet<FollowUpAnswer> FollowUpAnswers => Set<FollowUpAnswer>();

    public DbSet<FollowUpLogEntry> FollowUpLog => Set<FollowUpLogEntry>();

    public DbSet<FollowUpCursor> FollowUpCursors => Set<FollowUpCursor>();

    public DbSet<LetterTemplateSetting> LetterTemplates => Set<LetterTemplateSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DealerCrmDbContext).Assembly);
        ApplyConcurrencyTokens(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
    }

    private static void ApplyConcurrencyTokens(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}

public sealed class SqliteDealerCrmDbContext(DbContextOptions<SqliteDealerCrmDbContext> options) : DealerCrmDbContext(options);

public sealed class SqlServerDealerCrmDbContext(DbContextOptions<SqlServerDealerCrmDbContext> options) : DealerCrmDbContext(options);

using DealerCrm.Domain.Auditing;
using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Letters;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data.Interceptors;
using DealerCrm.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// The one DbContext, Identity included. Each database provider has a thin subclass so that
/// each keeps its own migrations (SqliteDealerCrmDbContext, SqlServerDealerCrmDbContext).
/// </summary>
public abstract class DealerCrmDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string, IdentityUserClaim<string>, AppUserRole, IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>>(options),
      IDataProtectionKeyContext
{
    /// <summary>
    /// Who the changes saved through this context are made by, for the audit trail: set by the
    /// scope that takes the context from the pool, back to the system when it is returned.
    /// </summary>
    public ICurrentActor Actor { get; set; } = SystemActor.Instance;

    /// <summary>The audit interceptor's record of the save in progress (the interceptor is shared by all contexts).</summary>
    internal AuditSession? AuditSession { get; set; }

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

    public DbSet<FollowUpRecheck> FollowUpRechecks => Set<FollowUpRecheck>();

    public DbSet<FollowUpSkipCount> FollowUpSkipCounts => Set<FollowUpSkipCount>();

    public DbSet<LetterTemplateSetting> LetterTemplates => Set<LetterTemplateSetting>();

    public DbSet<SetAsideRow> SetAsideRows => Set<SetAsideRow>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarDayChange> CalendarDayChanges => Set<CalendarDayChange>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<ChangeSignal> ChangeSignals => Set<ChangeSignal>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LoungeItem> LoungeItems => Set<LoungeItem>();

    public DbSet<LoungeSheet> LoungeSheets => Set<LoungeSheet>();

    public DbSet<LoungeCheck> LoungeChecks => Set<LoungeCheck>();

    public DbSet<LoungeFine> LoungeFines => Set<LoungeFine>();

    public DbSet<LostItem> LoungeLostItems => Set<LostItem>();

    public DbSet<EquipmentFault> LoungeEquipmentFaults => Set<EquipmentFault>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<QuestionnaireFactor> QuestionnaireFactors => Set<QuestionnaireFactor>();

    public DbSet<QuestionnaireQuestion> QuestionnaireQuestions => Set<QuestionnaireQuestion>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<SurveyFactorScore> SurveyFactorScores => Set<SurveyFactorScore>();

    public DbSet<HotAlert> HotAlerts => Set<HotAlert>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();

    public override void Dispose()
    {
        ForgetScope();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        ForgetScope();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

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

    // A pooled context goes back to the pool on Dispose: nothing of this scope may reach the next.
    private void ForgetScope()
    {
        Actor = SystemActor.Instance;
        AuditSession = null;
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

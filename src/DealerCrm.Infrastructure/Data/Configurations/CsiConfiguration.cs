using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("Questionnaires");
        builder.Property(q => q.Title).HasMaxLength(Questionnaire.TitleMaxLength).IsRequired();
        builder.HasIndex(q => new { q.Program, q.Version }).IsUnique();
        builder.HasMany(q => q.Factors).WithOne().HasForeignKey(f => f.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Questions).WithOne().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Factors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(q => q.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(q => q.ScoredQuestions);
    }
}

internal sealed class QuestionnaireFactorConfiguration : IEntityTypeConfiguration<QuestionnaireFactor>
{
    public void Configure(EntityTypeBuilder<QuestionnaireFactor> builder)
    {
        builder.ToTable("QuestionnaireFactors");
        builder.Property(f => f.Code).HasMaxLength(40).IsRequired();
        builder.Property(f => f.NameZh).HasMaxLength(100).IsRequired();
        builder.Property(f => f.NameEn).HasMaxLength(100).IsRequired();
    }
}

internal sealed class QuestionnaireQuestionConfiguration : IEntityTypeConfiguration<QuestionnaireQuestion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireQuestion> builder)
    {
        builder.ToTable("QuestionnaireQuestions");
        builder.Property(q => q.TextZh).HasMaxLength(500).IsRequired();
        builder.Property(q => q.TextEn).HasMaxLength(500).IsRequired();
        builder.HasOne(q => q.Factor).WithMany().HasForeignKey(q => q.FactorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.Property(s => s.RecordingReference).HasMaxLength(Survey.RecordingReferenceMaxLength);
        // INDEX is a reserved word in SQL Server: the reports' plain SQL names the column without quotes.
        builder.Property(s => s.Index).HasColumnName("IndexPoints");
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.TakenByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.StaffUserId).OnDelete(DeleteBehavior.Restrict);

        // The dashboard's ranges: a program's surveys by month (trend, this month), by the person
        // rated (advisor table, "my scores"), and a customer's surveys (the quadrant, the file).
        builder.HasIndex(s => new { s.Program, s.TakenMonth, s.IsComplete });
        builder.HasIndex(s => new { s.StaffUserId, s.Program, s.TakenMonth });
        builder.HasIndex(s => new { s.CustomerId, s.TakenUtc });
        builder.HasIndex(s => s.TakenUtc);
        builder.HasIndex(s => s.FollowUpTaskId).IsUnique().HasFilter("FollowUpTaskId IS NOT NULL");

        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.FactorScores).WithOne().HasForeignKey(f => f.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.FactorScores).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("SurveyAnswers");
        builder.Property(a => a.Text).HasMaxLength(Survey.TextAnswerMaxLength);
        builder.HasOne<QuestionnaireQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        // Each question's mean and variance: the scores of one survey together, covering the question.
        builder.HasIndex(a => new { a.SurveyId, a.QuestionId, a.Score });
    }
}

internal sealed class SurveyFactorScoreConfiguration : IEntityTypeConfiguration<SurveyFactorScore>
{
    public void Configure(EntityTypeBuilder<SurveyFactorScore> builder)
    {
        builder.ToTable("SurveyFactorScores");
        builder.Property(f => f.FactorCode).HasMaxLength(40).IsRequired();
        builder.HasIndex(f => new { f.SurveyId, f.FactorCode, f.Score });
    }
}

internal sealed class HotAlertConfiguration : IEntityTypeConfiguration<HotAlert>
{
    public void Configure(EntityTypeBuilder<HotAlert> builder)
    {
        builder.ToTable("HotAlerts");
        builder.Property(a => a.OwnerRole).HasMaxLength(32).IsRequired();
        builder.Property(a => a.RecoveryNote).HasMaxLength(HotAlert.NoteMaxLength);
        builder.HasOne(a => a.Survey).WithMany().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.SurveyId).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ClosedByUserId).OnDelete(DeleteBehavior.Restrict);
        // The open alerts by deadline (list, dashboard count, the overdue sweep).
        builder.HasIndex(a => new { a.Status, a.DueUtc });
        builder.HasIndex(a => a.CustomerId);
        builder.Ignore(a => a.IsOpen);
    }
}

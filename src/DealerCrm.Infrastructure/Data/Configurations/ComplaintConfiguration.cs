using DealerCrm.Domain.Calendar;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Number).HasMaxLength(Complaint.NumberMaxLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(Complaint.TextMaxLength).IsRequired();
        builder.Property(c => c.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.PoolRole).HasMaxLength(32).IsRequired();
        foreach (var text in new[] { nameof(Complaint.Investigation), nameof(Complaint.Solution), nameof(Complaint.CorrectiveAction), nameof(Complaint.CustomerResponse) })
        {
            builder.Property(text).HasMaxLength(Complaint.TextMaxLength);
        }

        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vehicle>().WithMany().HasForeignKey(c => c.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.HandlerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AgentUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ConcernedUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FollowUpTask>().WithMany().HasForeignKey(c => c.FollowUpTaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FollowUpTask>().WithMany().HasForeignKey(c => c.SourceFollowUpTaskId).OnDelete(DeleteBehavior.Restrict);

        // One complaint per unhappy call: the backfill of recorded flags and the call page cannot make two.
        builder.HasIndex(c => c.SourceFollowUpTaskId).IsUnique().HasFilter("SourceFollowUpTaskId IS NOT NULL");
        // The list (open first, by due), the job's two sweeps, the customer's cases, the analysis by period.
        builder.HasIndex(c => new { c.Status, c.TierDueUtc });
        // The list's order: each part of it (flagged, late, due later, waiting; closed) is one range of this index, read in order.
        builder.HasIndex(c => new { c.Attention, c.TierDueUtc, c.Id }).IsDescending(false, false, true);
        builder.HasIndex(c => new { c.Status, c.LegalFlagged, c.LegalDueUtc });
        builder.HasIndex(c => new { c.CustomerId, c.ReceivedUtc });
        builder.HasIndex(c => new { c.ReceivedWeek, c.Category });
        builder.HasIndex(c => new { c.ReceivedMonth, c.Category });
        builder.HasIndex(c => c.ReceivedUtc);

        builder.HasMany(c => c.Periods).WithOne().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Recovery).WithOne().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Periods).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Recovery).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.CurrentPeriod);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.IsUnresolved);
        builder.Ignore(c => c.MissingSteps);
    }
}

internal sealed class ComplaintTierPeriodConfiguration : IEntityTypeConfiguration<ComplaintTierPeriod>
{
    public void Configure(EntityTypeBuilder<ComplaintTierPeriod> builder)
    {
        builder.ToTable("ComplaintTierPeriods");
        builder.HasIndex(p => new { p.ComplaintId, p.Tier });
        // The tier's deadline clock lives in the period's row; its pauses in a table of their own.
        builder.OwnsOne(p => p.Clock, clock =>
        {
            clock.Property(c => c.StartedUtc).HasColumnName("ClockStartedUtc");
            clock.Property(c => c.Budget).HasColumnName("ClockBudget");
            clock.Ignore(c => c.IsPaused);
            clock.Ignore(c => c.OpenPause);
            clock.OwnsMany(c => c.Pauses, pause =>
            {
                pause.ToTable("ComplaintClockPauses");
                pause.WithOwner().HasForeignKey("PeriodId");
                pause.HasKey(p => p.Id);
                pause.Property(p => p.Reason).HasMaxLength(DeadlineClock.ReasonMaxLength).IsRequired();
                pause.Property(p => p.PausedBy).HasMaxLength(256).IsRequired();
                pause.Property(p => p.ResumedBy).HasMaxLength(256);
                pause.Ignore(p => p.Length);
            });
            clock.Navigation(c => c.Pauses).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(p => p.Clock).IsRequired();
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.ToTable("ComplaintEvents");
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(Complaint.TextMaxLength);
        builder.HasIndex(e => new { e.ComplaintId, e.AtUtc });
    }
}

internal sealed class ComplaintRecoveryConfiguration : IEntityTypeConfiguration<ComplaintRecovery>
{
    public void Configure(EntityTypeBuilder<ComplaintRecovery> builder)
    {
        builder.ToTable("ComplaintRecoverySteps");
        builder.Property(r => r.DoneBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(Complaint.TextMaxLength);
        builder.Property(r => r.Gift).HasMaxLength(200);
        builder.HasIndex(r => new { r.ComplaintId, r.Step }).IsUnique();
    }
}

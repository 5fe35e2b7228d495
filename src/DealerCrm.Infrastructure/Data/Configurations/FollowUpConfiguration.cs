using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("FollowUpTasks");
        builder.Property(t => t.Key).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.OwnerRole).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Notes).HasMaxLength(4000);
        builder.Property(t => t.UnhappyNote).HasMaxLength(2000);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.CompletedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The queues: mine, and my roles' pools, open, by due time (the first also serves the
        // owner's foreign key, so that needs no index of its own); and the tasks waiting for a
        // retry or a call-back, by when they can be worked again.
        builder.HasIndex(t => new { t.OwnerUserId, t.Status, t.DueUtc });
        builder.HasIndex(t => new { t.Status, t.OwnerRole, t.DueUtc });
        builder.HasIndex(t => new { t.Status, t.ActionableFromUtc });
        // The job's housekeeping and the managers' reports.
        builder.HasIndex(t => new { t.Status, t.ExpiresUtc });
        builder.HasIndex(t => new { t.Status, t.IsOverdue, t.DueUtc });
        // The overview's and the cockpit's overdue work by owner: read from the index alone, in
        // group order (without it, a million open tasks' rows: 0.5 s of CPU, bench/Cockpit).
        builder.HasIndex(t => new { t.Status, t.OwnerUserId, t.OwnerRole, t.DueUtc });
        // The job's "out of tries" sweep: without it every tick reads every open task.
        // Partial indexes hold only the rows they are asked about: at go-live a million tasks
        // are written, none yet called, completed by anyone, and half not after a delivery, so
        // these three skip most of them (the filters are plain SQL both providers accept).
        builder.HasIndex(t => new { t.Status, t.Attempts }).HasFilter("Attempts > 0");
        builder.HasIndex(t => t.CompletedByUserId).HasFilter("CompletedByUserId IS NOT NULL");
        builder.HasIndex(t => t.DeliveryId).HasFilter("DeliveryId IS NOT NULL");
        builder.HasIndex(t => t.DueUtc);
        builder.HasIndex(t => new { t.CustomerId, t.DueUtc });

        builder.HasMany(t => t.Answers).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Log).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Log).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.IsDone);
        builder.Ignore(t => t.WasOnTime);
    }
}

internal sealed class FollowUpAnswerConfiguration : IEntityTypeConfiguration<FollowUpAnswer>
{
    public void Configure(EntityTypeBuilder<FollowUpAnswer> builder)
    {
        builder.ToTable("FollowUpAnswers");
        builder.Property(a => a.Text).HasMaxLength(2000).IsRequired();
    }
}

internal sealed class FollowUpLogEntryConfiguration : IEntityTypeConfiguration<FollowUpLogEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpLogEntry> builder)
    {
        builder.ToTable("FollowUpLog");
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(2000);
    }
}

internal sealed class FollowUpCursorConfiguration : IEntityTypeConfiguration<FollowUpCursor>
{
    public void Configure(EntityTypeBuilder<FollowUpCursor> builder)
    {
        builder.ToTable("FollowUpCursor");
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class FollowUpRecheckConfiguration : IEntityTypeConfiguration<FollowUpRecheck>
{
    public void Configure(EntityTypeBuilder<FollowUpRecheck> builder)
    {
        builder.ToTable("FollowUpRecheck");
        builder.Property(r => r.Source).HasMaxLength(32).IsRequired();
    }
}

internal sealed class FollowUpSkipCountConfiguration : IEntityTypeConfiguration<FollowUpSkipCount>
{
    public void Configure(EntityTypeBuilder<FollowUpSkipCount> builder)
    {
        builder.ToTable("FollowUpSkipCount");
        builder.HasKey(s => s.Kind);
        builder.Property(s => s.Kind).ValueGeneratedNever();
    }
}

using DealerCrm.Domain.Notifications;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.RecipientRole).HasMaxLength(32);
        builder.Property(n => n.TextKey).HasMaxLength(Notification.KeyMaxLength).IsRequired();
        builder.Property(n => n.TextArgs).HasMaxLength(4000).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.Property(n => n.DedupeKey).HasMaxLength(Notification.KeyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.Text);

        // A job never sends the same notice twice, however often it runs (SQL Server filters out NULLs itself).
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        // Every page's bell and the list: a user's notices and their roles', newest first.
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedUtc });
        builder.HasIndex(n => new { n.RecipientRole, n.CreatedUtc });
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.ToTable("NotificationReads");
        // The key serves the bell's "not yet read by me" lookup per notice.
        builder.HasKey(r => new { r.NotificationId, r.UserId });
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

using DealerCrm.Domain.Lounge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class LoungeItemConfiguration : IEntityTypeConfiguration<LoungeItem>
{
    public void Configure(EntityTypeBuilder<LoungeItem> builder)
    {
        builder.ToTable("LoungeItems");
        builder.Property(i => i.Text).HasMaxLength(LoungeItem.TextMaxLength).IsRequired();
        builder.Ignore(i => i.IsCounted);
        builder.Ignore(i => i.IsRetired);

        // The policy's 20 items come with the migration; from then on they are the administrator's
        // (reworded, reordered, retired), and no startup step puts the old wording back.
        builder.HasData(LoungeItem.Defaults.Select(i => new
        {
            i.Id,
            i.Version,
            i.Position,
            i.Category,
            i.Text,
            i.CountRule,
            i.RecordsButts,
            i.AgainstAnyStaff,
            i.RetiredUtc,
        }));
    }
}

internal sealed class LoungeSheetConfiguration : IEntityTypeConfiguration<LoungeSheet>
{
    public void Configure(EntityTypeBuilder<LoungeSheet> builder)
    {
        builder.ToTable("LoungeSheets");
        // One sheet a day: the job and the first tick of the day may both try to open it.
        builder.HasIndex(s => s.Day).IsUnique();
        builder.Property(s => s.AttendantUserId).HasMaxLength(450);
        builder.Property(s => s.CompletedByUserId).HasMaxLength(450);
        builder.Ignore(s => s.IsClosed);
        builder.Ignore(s => s.IsCompleted);
        // The job looks for past days not yet settled.
        builder.HasIndex(s => new { s.ClosedUtc, s.Day });
    }
}

internal sealed class LoungeCheckConfiguration : IEntityTypeConfiguration<LoungeCheck>
{
    public void Configure(EntityTypeBuilder<LoungeCheck> builder)
    {
        builder.ToTable("LoungeChecks");
        builder.Property(c => c.Key).HasMaxLength(LoungeCheck.KeyMaxLength).IsRequired();
        // A tick re-sent after a dropped connection, or a second run of the job, is recorded once.
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.ResponsibleUserId).HasMaxLength(450);
        builder.Property(c => c.Note).HasMaxLength(LoungeCheck.NoteMaxLength);
        builder.Property(c => c.PhotoFile).HasMaxLength(100);
        builder.Property(c => c.PhotoContentType).HasMaxLength(50);
        builder.HasOne(c => c.Sheet).WithMany().HasForeignKey(c => c.SheetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoungeItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SheetId, c.ItemId, c.Kind });
        // Violations per item over time (the overview).
        builder.HasIndex(c => new { c.IsViolation, c.AtUtc });
    }
}

internal sealed class LoungeFineConfiguration : IEntityTypeConfiguration<LoungeFine>
{
    public void Configure(EntityTypeBuilder<LoungeFine> builder)
    {
        builder.ToTable("LoungeFines");
        builder.Ignore(f => f.Amount);
        builder.Ignore(f => f.IsWaived);
        builder.Property(f => f.StaffUserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.WaivedByUserId).HasMaxLength(450);
        builder.Property(f => f.WaiveReason).HasMaxLength(LoungeFine.ReasonMaxLength);
        // One fine per violation.
        builder.HasOne(f => f.Check).WithMany().HasForeignKey(f => f.CheckId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.CheckId).IsUnique();
        // The ledger: a month, per person; a person's own fines.
        builder.HasIndex(f => new { f.Month, f.StaffUserId });
        builder.HasIndex(f => new { f.StaffUserId, f.Day });
    }
}

internal sealed class LostItemConfiguration : IEntityTypeConfiguration<LostItem>
{
    public void Configure(EntityTypeBuilder<LostItem> builder)
    {
        builder.ToTable("LoungeLostItems");
        builder.Property(i => i.Description).HasMaxLength(LostItem.TextMaxLength).IsRequired();
        builder.Property(i => i.FoundWhere).HasMaxLength(LostItem.TextMaxLength).IsRequired();
        builder.Property(i => i.ReportedTo).HasMaxLength(LostItem.TextMaxLength).IsRequired();
        builder.Property(i => i.ReturnedTo).HasMaxLength(LostItem.TextMaxLength);
        builder.Property(i => i.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(i => i.IsReturned);
        builder.HasIndex(i => i.FoundUtc);
    }
}

internal sealed class EquipmentFaultConfiguration : IEntityTypeConfiguration<EquipmentFault>
{
    public void Configure(EntityTypeBuilder<EquipmentFault> builder)
    {
        builder.ToTable("LoungeEquipmentFaults");
        builder.Property(f => f.Description).HasMaxLength(EquipmentFault.TextMaxLength).IsRequired();
        builder.Property(f => f.RepairNote).HasMaxLength(EquipmentFault.TextMaxLength);
        builder.Property(f => f.ReportedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(f => new { f.Status, f.ReportedUtc });
    }
}

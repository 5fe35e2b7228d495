using DealerCrm.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class ChangeSignalConfiguration : IEntityTypeConfiguration<ChangeSignal>
{
    public void Configure(EntityTypeBuilder<ChangeSignal> builder)
    {
        builder.ToTable("ChangeSignals");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
        // The row exists from the start: a change only ever updates it (no insert race between instances).
        builder.HasData(new { Name = ChangeSignal.Staff, Version = 0L });
    }
}

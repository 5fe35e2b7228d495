using DealerCrm.Domain.Common;
using DealerCrm.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class PrivacyLogEntryConfiguration : IEntityTypeConfiguration<PrivacyLogEntry>
{
    public void Configure(EntityTypeBuilder<PrivacyLogEntry> builder)
    {
        builder.ToTable("PrivacyLog");
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.CustomerId, e.AtUtc });
        builder.HasIndex(e => new { e.UserName, e.AtUtc });
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}

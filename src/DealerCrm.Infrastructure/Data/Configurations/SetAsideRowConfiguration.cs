using DealerCrm.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class SetAsideRowConfiguration : IEntityTypeConfiguration<SetAsideRow>
{
    public void Configure(EntityTypeBuilder<SetAsideRow> builder)
    {
        builder.ToTable("SetAsideRows");
        builder.Property(r => r.Job).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Source).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(SetAsideRow.ReasonMaxLength).IsRequired();
        builder.Property(r => r.RetryRequestedBy).HasMaxLength(256);
        // One entry per row and job: a row failing again updates its entry.
        builder.HasIndex(r => new { r.Job, r.Source, r.SourceId }).IsUnique();
        builder.HasIndex(r => new { r.Job, r.Status });
    }
}

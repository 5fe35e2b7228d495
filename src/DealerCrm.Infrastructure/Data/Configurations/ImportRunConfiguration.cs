using DealerCrm.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.Property(r => r.Id).HasMaxLength(ImportRun.IdLength);
        builder.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.State).HasMaxLength(20).IsRequired();
        builder.Property(r => r.FirstNumber).HasMaxLength(20);
        builder.Property(r => r.LastNumber).HasMaxLength(20);
        builder.HasIndex(r => r.FinishedUtc);
    }
}

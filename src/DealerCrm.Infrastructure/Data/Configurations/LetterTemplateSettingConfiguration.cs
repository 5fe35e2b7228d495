using DealerCrm.Domain.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class LetterTemplateSettingConfiguration : IEntityTypeConfiguration<LetterTemplateSetting>
{
    public void Configure(EntityTypeBuilder<LetterTemplateSetting> builder)
    {
        builder.ToTable("LetterTemplates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Body).HasMaxLength(8000).IsRequired();
        builder.Property(t => t.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}

using DealerCrm.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        // The date is the key: a day is listed once, and two administrators adding it at once collide.
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength).IsRequired();

        // The 2026 and 2027 schedules come with the migration, so a new database and an upgraded
        // one both have them; from then on the rows are the administrator's (no startup step
        // re-adds a day the administrator removed).
        builder.HasData(ChineseHolidaySchedules.Defaults);
    }
}

internal sealed class CalendarDayChangeConfiguration : IEntityTypeConfiguration<CalendarDayChange>
{
    public void Configure(EntityTypeBuilder<CalendarDayChange> builder)
    {
        builder.ToTable("CalendarDayChanges");
        builder.Property(c => c.Name).HasMaxLength(CalendarDay.NameMaxLength).IsRequired();
        builder.Property(c => c.OldName).HasMaxLength(CalendarDay.NameMaxLength);
        builder.Property(c => c.UserName).HasMaxLength(256).IsRequired();
        // The page shows a year's history, newest first.
        builder.HasIndex(c => new { c.Date, c.AtUtc });
    }
}

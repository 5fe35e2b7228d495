using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.ToTable("Vehicles");
        builder.Property(v => v.Vin).HasMaxLength(17).IsFixedLength().IsRequired();
        builder.HasIndex(v => v.Vin).IsUnique();
        builder.Property(v => v.VinSearchKey).HasMaxLength(17).IsRequired();
        builder.HasIndex(v => v.VinSearchKey);
        builder.Property(v => v.Plate).HasMaxLength(10);
        builder.HasIndex(v => v.Plate).IsUnique();
        builder.Property(v => v.PlateSearchKey).HasMaxLength(10);
        builder.HasIndex(v => v.PlateSearchKey);
        builder.Property(v => v.Brand).HasMaxLength(50).IsRequired();
        builder.Property(v => v.Model).HasMaxLength(50).IsRequired();
        builder.Property(v => v.Color).HasMaxLength(30);
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CustomerId, v.WarrantyExpiry });
        builder.HasIndex(v => v.InsuranceExpiry);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.Property(d => d.SalespersonId).IsRequired();
        builder.Property(d => d.Notes).HasMaxLength(500);
        builder.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Vehicle>().WithMany().HasForeignKey(d => d.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.SalespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.DeliveredAtUtc);
        builder.HasIndex(d => new { d.CustomerId, d.DeliveredAtUtc });
    }
}

internal sealed class ServiceVisitConfiguration : IEntityTypeConfiguration<ServiceVisit>
{
    public void Configure(EntityTypeBuilder<ServiceVisit> builder)
    {
        builder.ToTable("ServiceVisits");
        builder.Property(s => s.WorkItems).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.ServiceAdvisorId).IsRequired();
        builder.Property(s => s.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Vehicle>().WithMany().HasForeignKey(s => s.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.ServiceAdvisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CustomerId, s.VisitDate });
        builder.HasIndex(s => new { s.VehicleId, s.VisitDate });
        builder.HasIndex(s => s.VisitDate);
    }
}

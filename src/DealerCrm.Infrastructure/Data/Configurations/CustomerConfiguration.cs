using DealerCrm.Domain.Customers;
using DealerCrm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DealerCrm.Infrastructure.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.Property(c => c.Number).HasMaxLength(11).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Mobile).HasMaxLength(20);
        builder.HasIndex(c => c.Mobile);
        builder.Property(c => c.MobileSearchKey).HasMaxLength(20);
        builder.HasIndex(c => c.MobileSearchKey);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.Property(c => c.Occupation).HasMaxLength(50);
        builder.Property(c => c.ContactPerson).HasMaxLength(50);
        builder.HasIndex(c => c.ContactPerson);
        builder.Property(c => c.ContactPosition).HasMaxLength(50);
        builder.Property(c => c.InterestedModels).HasMaxLength(200);
        builder.Property(c => c.Concerns).HasMaxLength(500);
        builder.Property(c => c.Notes).HasMaxLength(1000);
        builder.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.SalespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.MergedIntoId);
        // The follow-up job finds a day's birthdays by their exact birth dates.
        builder.HasIndex(c => c.Birthday);

        builder.HasMany(c => c.OtherPhones).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Family).WithOne().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ContactChanges).WithOne().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.OtherPhones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Family).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.CurrentFamily);
        builder.Navigation(c => c.ContactChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsMerged);
        builder.Ignore(c => c.IsAnonymised);
        builder.Ignore(c => c.AddresseeName);
        builder.Ignore(c => c.AddresseeGender);
    }
}

internal sealed class CustomerPhoneConfiguration : IEntityTypeConfiguration<CustomerPhone>
{
    public void Configure(EntityTypeBuilder<CustomerPhone> builder)
    {
        builder.ToTable("CustomerPhones");
        builder.Property(p => p.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(p => p.Number);
        builder.Property(p => p.SearchKeyValue).HasColumnName("SearchKey").HasMaxLength(20).IsRequired();
        builder.HasIndex(p => p.SearchKeyValue);
    }
}

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> builder)
    {
        builder.ToTable("FamilyMembers");
        builder.HasIndex(f => f.Birthday);
        builder.Property(f => f.Name).HasMaxLength(50).IsRequired();
        builder.Property(f => f.Phone).HasMaxLength(20);
        builder.Property(f => f.RemovedBy).HasMaxLength(256);
    }
}

internal sealed class ContactChangeConfiguration : IEntityTypeConfiguration<ContactChange>
{
    public void Configure(EntityTypeBuilder<ContactChange> builder)
    {
        builder.ToTable("ContactChanges");
        builder.Property(h => h.OldValue).HasMaxLength(500);
        builder.Property(h => h.NewValue).HasMaxLength(500);
        builder.Property(h => h.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(h => h.IsPhone);
    }
}

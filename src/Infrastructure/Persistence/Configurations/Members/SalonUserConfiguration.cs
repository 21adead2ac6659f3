using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Members;
using Salon.Infrastructure.Identity;

namespace Salon.Infrastructure.Persistence.Configurations.Members;

internal sealed class SalonUserConfiguration : IEntityTypeConfiguration<SalonUser>
{
    public void Configure(EntityTypeBuilder<SalonUser> builder)
    {
        // One account per address, enforced by the database too (Identity's default index is not unique).
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        builder.HasOne<Member>().WithOne().HasForeignKey<SalonUser>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Notifications;

namespace Salon.Infrastructure.Persistence.Configurations.Notifications;

internal sealed class DigestPreferenceConfiguration : IEntityTypeConfiguration<DigestPreference>
{
    public void Configure(EntityTypeBuilder<DigestPreference> builder)
    {
        builder.ToTable("DigestPreferences");
        builder.HasKey(p => p.MemberId);
    }
}

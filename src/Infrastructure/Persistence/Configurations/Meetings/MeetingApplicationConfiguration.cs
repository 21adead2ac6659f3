using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Meetings;

namespace Salon.Infrastructure.Persistence.Configurations.Meetings;

internal sealed class MeetingApplicationConfiguration : IEntityTypeConfiguration<MeetingApplication>
{
    public void Configure(EntityTypeBuilder<MeetingApplication> builder)
    {
        builder.ToTable("MeetingApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Note).HasMaxLength(MeetingApplication.NoteMaxLength);

        // One row per member and meeting, even when the same member applies twice at once.
        builder.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();

        // Seat counts and the waitlist in arrival order.
        builder.HasIndex(a => new { a.MeetingId, a.Status, a.AppliedAt, a.Id });
        builder.HasIndex(a => a.MemberId);
        builder.Ignore(a => a.IsActive);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Salon.Domain.Meetings;

namespace Salon.Infrastructure.Persistence.Configurations.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Meeting.DescriptionMaxLength).IsRequired();
        builder.Property(m => m.JoinUrl).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.Venue).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.Area).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.FeeNote).HasMaxLength(Meeting.FeeNoteMaxLength);
        builder.Property(m => m.CancellationReason).HasMaxLength(Meeting.FeeNoteMaxLength * 2);
        builder.HasMany(m => m.Applications).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Applications).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Upcoming (soonest first) and past (latest first) lists; the reminder job's window.
        builder.HasIndex(m => new { m.EndsAt, m.StartsAt, m.Id });
        builder.HasIndex(m => new { m.StartsAt, m.Id });
        builder.Ignore(m => m.DomainEvents);
        builder.Ignore(m => m.Details);
        builder.Ignore(m => m.AcceptedCount);
        builder.Ignore(m => m.Waitlist);
        builder.Ignore(m => m.IsCancelled);
    }
}

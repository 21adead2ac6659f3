using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications;

internal static class NotificationSettings
{
    public static string Name(EmailDelivery email) => email switch
    {
        EmailDelivery.Immediate => "immediate",
        EmailDelivery.Digest => "digest",
        _ => "off",
    };

    public static string Name(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => "daily",
        DigestFrequency.Weekly => "weekly",
        _ => "off",
    };

    public static async Task<NotificationSettingsDto> ReadAsync(INotificationsDb db, Guid memberId, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.MemberId == memberId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        var digest = await db.DigestPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        var kinds = NotificationKinds.Defaults.Select(d => chosen.TryGetValue(d.Kind, out var p)
            ? new KindSettingDto(d.Kind, p.InApp, Name(p.Email))
            : new KindSettingDto(d.Kind, d.InApp, Name(d.Email))).ToList();
        return new NotificationSettingsDto(
            kinds,
            digest is null ? new DigestSettingDto("weekly", DigestPreference.DefaultHourJst) : new DigestSettingDto(Name(digest.Frequency), digest.HourJst));
    }

    /// <summary>Whether the member wants in-app notices of this kind (default: yes).</summary>
    public static async Task<HashSet<Guid>> MutedInAppAsync(INotificationsDb db, IReadOnlyCollection<Guid> memberIds, string kind, CancellationToken cancellationToken) =>
        (await db.NotificationPreferences.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId) && p.Kind == kind && !p.InApp)
            .Select(p => p.MemberId)
            .ToListAsync(cancellationToken)).ToHashSet();
}

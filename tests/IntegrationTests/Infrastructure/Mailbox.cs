using Microsoft.EntityFrameworkCore;
using Salon.Domain.Notifications;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>Reads what Salon queued to send, from the outbox table, as a member would read their inbox.</summary>
public static class Mailbox
{
    public static async Task<IReadOnlyList<OutboxEmail>> AllToAsync(this SalonApiFactory factory, string address) =>
        await factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.ToAddress == address)
            .OrderBy(e => e.CreatedAt)
            .ToListAsync());

    public static async Task<OutboxEmail> LatestToAsync(this SalonApiFactory factory, string address, string kind)
    {
        var mails = await factory.AllToAsync(address);
        return mails.LastOrDefault(m => m.Kind == kind)
            ?? throw new InvalidOperationException($"No '{kind}' e-mail was queued for the address.");
    }

    /// <summary>The value after "name: " on its own line in the e-mail's text.</summary>
    public static string Value(this OutboxEmail email, string name)
    {
        var prefix = name + ": ";
        var line = email.TextBody.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The e-mail has no '{name}' line.");
        return line[prefix.Length..];
    }
}

using Salon.Domain.Common;

namespace Salon.Application.Notifications.Contracts;

/// <summary>
/// The digest's extension point: each module that has news for the digest implements a section in its own
/// Application layer and registers it (<c>services.AddScoped&lt;IDigestSection, MySection&gt;()</c>) in its
/// module entry point. Consultations provides replies in followed topics, popular new topics and
/// 「まだ返信のない相談」; Meetings and Announcements add theirs the same way.
/// <para>
/// Sections are called once per batch of readers (hundreds at a time), so they answer with a fixed number of
/// queries per batch rather than per reader, and keep memory bounded by the batch. They must leave out
/// hidden, held, deleted content, named content by members the reader blocked, posts the reader hid, and
/// anything the reader may not see; must never show who wrote an anonymous post (simplest: never show authors
/// at all); and must never let a block change what appears of an anonymous post (ADR 0016).
/// </para>
/// </summary>
public interface IDigestSection
{
    /// <summary>Position in the e-mail (lower first).</summary>
    int Order { get; }

    LocalizedText Heading { get; }

    /// <summary>Lines per reader who has any (readers with none may be left out of the dictionary).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<DigestLine>>> CollectAsync(IReadOnlyList<DigestReader> readers, DateTime now, CancellationToken cancellationToken);
}

using Salon.Domain.Common;

namespace Salon.Application.Notifications.Contracts;

/// <summary>A member whose digest is being written. <paramref name="Since"/> is where their news starts
/// (the latest of their last visit, their last digest and 30 days ago). <paramref name="DigestKinds"/> are the
/// notification kinds whose e-mail they chose to receive in the digest (e.g. <c>reply_in_followed_topic</c>,
/// <c>meetings</c>); a section about one of those kinds leaves out readers who did not choose it.</summary>
public sealed record DigestReader(Guid MemberId, FamilyPositions FamilyPositions, DateTime Since, IReadOnlySet<string> DigestKinds);

/// <summary>One line of a digest: a short excerpt (never a post body, never an author's name) and a path
/// on the site relative to the public base URL (e.g. <c>/topics/{id}</c>).</summary>
public sealed record DigestLine(string Text, string Path)
{
    public const int ExcerptLength = 40;

    /// <summary>The first <see cref="ExcerptLength"/> characters of a title, on one line.</summary>
    public static string Excerpt(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= ExcerptLength ? oneLine : oneLine[..ExcerptLength] + "…";
    }
}

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


namespace Salon.Application.Notifications.Contracts;

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

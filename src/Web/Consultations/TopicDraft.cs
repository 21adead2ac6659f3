namespace Salon.Web.Consultations;

/// <summary>A consultation being edited by its author (<c>/topics/{id}/edit</c>): the whole form travels in the
/// post, and <see cref="ChangesFrom"/> sends the API only the fields that differ from the topic as it is. A text that
/// was not posted is empty (the form binder would set it to null).</summary>
public sealed class TopicDraft
{
    public string Title { get; set => field = value ?? ""; } = "";

    public string Body { get; set => field = value ?? ""; } = "";

    /// <summary>The ticked tags. Never null: a form with no box ticked binds null here.</summary>
    public Dictionary<string, bool> Tags { get; set => field = value ?? []; } = [];

    public bool RepliesWelcome { get; set; }

    public bool Closed { get; set; }

    public string? ContentWarning { get; set; }

    public static TopicDraft From(TopicDetail topic) => new()
    {
        Title = topic.Title,
        Body = topic.Body,
        Tags = topic.Tags.ToDictionary(t => t, _ => true),
        RepliesWelcome = topic.RepliesWelcome,
        Closed = topic.IsClosed,
        ContentWarning = topic.ContentWarning,
    };

    /// <summary>What to PATCH, or null when nothing changed.</summary>
    public TopicChanges? ChangesFrom(TopicDetail topic)
    {
        var tags = Tags.Where(t => t.Value).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        var warning = ContentWarning?.Trim() ?? "";
        var changes = new TopicChanges(
            Title == topic.Title ? null : Title,
            Body == topic.Body ? null : Body,
            tags.SequenceEqual(topic.Tags.Order(StringComparer.Ordinal)) ? null : tags,
            warning == (topic.ContentWarning ?? "") ? null : warning,
            RepliesWelcome == topic.RepliesWelcome ? null : RepliesWelcome,
            Closed == topic.IsClosed ? null : Closed);
        return changes == new TopicChanges(null, null, null, null, null, null) ? null : changes;
    }
}

namespace Salon.Web.Consultations;

/// <summary>A consultation or reply being written. <see cref="Step"/> is the button pressed: "preview" (確認),
/// "edit" (書き直す) or "post" (投稿する); the draft travels in the form, so this works without JavaScript. A text that
/// was not posted is empty (the form binder would set it to null).</summary>
public sealed class PostDraft
{
    public string Title { get; set => field = value ?? ""; } = "";

    public string Body { get; set => field = value ?? ""; } = "";

    public bool Anonymous { get; set; }

    public bool RepliesWelcome { get; set; } = true;

    public string? ContentWarning { get; set; }

    /// <summary>The ticked tags. Never null: a form with no box ticked binds null here.</summary>
    public Dictionary<string, bool> Tags { get; set => field = value ?? []; } = [];

    public string? Step { get; set; }

    public IReadOnlyList<string> ChosenTags => Tags.Where(t => t.Value).Select(t => t.Key).ToList();

    public string? Warning => string.IsNullOrWhiteSpace(ContentWarning) ? null : ContentWarning.Trim();
}

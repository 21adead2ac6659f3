using Salon.Domain.Common;
using Salon.Domain.Consultations;
using Salon.Domain.Consultations.Events;

namespace Salon.UnitTests.Domain;

/// <summary>The rules a topic enforces on its own: trimmed, bounded text; replies only when welcome and open;
/// nothing changes once deleted.</summary>
public sealed class TopicTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private static Topic NewTopic(bool repliesWelcome = true, string? contentWarning = null) => Topic.Create(
        Guid.NewGuid(), Guid.NewGuid(), "  眠れない夜に  ", "  家族のことで相談です。  ", [Guid.Empty, Guid.Empty], anonymous: true, repliesWelcome, contentWarning, Now);

    private static void Refused(Action action, string code, ErrorKind kind)
    {
        var ex = Assert.Throws<SalonException>(action);
        Assert.Equal(code, ex.Code);
        Assert.Equal(kind, ex.Kind);
    }

    [Fact]
    public void A_new_topic_is_trimmed_visible_tagged_once_and_announced()
    {
        var topic = NewTopic();

        Assert.Equal("眠れない夜に", topic.Title);
        Assert.Equal("家族のことで相談です。", topic.Body);
        Assert.Equal(PostVisibility.Visible, topic.Visibility);
        Assert.Single(topic.Tags);
        Assert.Equal(Now, topic.LastActivityAt);
        var created = Assert.IsType<TopicCreated>(Assert.Single(topic.DomainEvents));
        Assert.True(created.IsAnonymous);
    }

    [Fact]
    public void Title_body_and_content_warning_have_their_limits()
    {
        Refused(() => Topic.Create(Guid.NewGuid(), Guid.NewGuid(), "   ", "本文", [], false, true, null, Now), "title-length", ErrorKind.Invalid);
        Refused(() => Topic.Create(Guid.NewGuid(), Guid.NewGuid(), new string('あ', PostRules.TitleMaxLength + 1), "本文", [], false, true, null, Now), "title-length", ErrorKind.Invalid);
        Refused(() => Topic.Create(Guid.NewGuid(), Guid.NewGuid(), "題", new string('あ', PostRules.BodyMaxLength + 1), [], false, true, null, Now), "body-length", ErrorKind.Invalid);
        Refused(() => NewTopic(contentWarning: new string('あ', PostRules.ContentWarningMaxLength + 1)), "content-warning-length", ErrorKind.Invalid);
        Assert.Null(NewTopic(contentWarning: "   ").ContentWarning);
        Assert.Equal(PostRules.TitleMaxLength, Topic.Create(Guid.NewGuid(), Guid.NewGuid(), new string('あ', PostRules.TitleMaxLength), "本文", [], false, true, null, Now).Title.Length);
    }

    [Fact]
    public void Replies_are_taken_only_when_welcome_and_open()
    {
        NewTopic().EnsureAcceptsReplies();
        Refused(() => NewTopic(repliesWelcome: false).EnsureAcceptsReplies(), "replies-not-welcome", ErrorKind.Conflict);

        var closed = NewTopic();
        closed.SetClosed(true);
        Refused(closed.EnsureAcceptsReplies, "topic-closed", ErrorKind.Conflict);
        closed.SetClosed(false);
        closed.EnsureAcceptsReplies();
    }

    [Fact]
    public void An_edit_changes_only_what_is_sent_and_can_clear_the_warning()
    {
        var topic = NewTopic(contentWarning: "自傷の話題");
        topic.ClearDomainEvents();

        topic.Edit(title: null, body: " 追記しました ", contentWarning: null, clearContentWarning: false, repliesWelcome: false, Now.AddHours(1));

        Assert.Equal("眠れない夜に", topic.Title);
        Assert.Equal("追記しました", topic.Body);
        Assert.Equal("自傷の話題", topic.ContentWarning);
        Assert.False(topic.RepliesWelcome);
        Assert.Equal(Now.AddHours(1), topic.EditedAt);
        Assert.IsType<PostEdited>(Assert.Single(topic.DomainEvents));

        topic.Edit(null, null, null, clearContentWarning: true, null, Now.AddHours(2));
        Assert.Null(topic.ContentWarning);
    }

    [Fact]
    public void A_deleted_topic_cannot_be_edited_closed_or_replied_to_and_is_deleted_once()
    {
        var topic = NewTopic();
        topic.Delete(Now.AddHours(1));
        topic.Delete(Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), topic.DeletedAt);
        Assert.Single(topic.DomainEvents.OfType<PostDeleted>());
        Refused(() => topic.Edit("新しい題", null, null, false, null, Now.AddHours(3)), "not-found", ErrorKind.NotFound);
        Refused(() => topic.SetClosed(true), "not-found", ErrorKind.NotFound);
        Refused(() => topic.ReplaceTags([]), "not-found", ErrorKind.NotFound);
        Refused(topic.EnsureAcceptsReplies, "not-found", ErrorKind.NotFound);
    }
}

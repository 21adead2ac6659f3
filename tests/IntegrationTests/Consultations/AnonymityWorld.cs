using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Notifications.SendDueDigests;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Domain.Common;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>
/// One scripted community on a database, clock and SMTP server of its own, watched by the viewer
/// <see cref="Viewer"/>. A script (<see cref="PlayAsync"/>) signs the members up, has them post, react, follow,
/// delete and moderate, and has A read, act and receive e-mail. <see cref="Transcript"/> is everything A observed
/// (every GET route a member can call, each list walked page by page, A's own writes and the e-mails A received, the
/// digest included), with ids replaced by the script's names (unknown ones by their order of appearance), cursors,
/// unsubscribe tokens and trace ids blanked. Two worlds that play one script and differ only in something A must not learn (whom a
/// block involves: ADR 0016, <see cref="BlockAnonymityTests"/>; who wrote an anonymous post: ADR 0041,
/// <see cref="AuthorshipAnonymityTests"/>) must give the same transcript.
/// </summary>
internal sealed partial class AnonymityWorld : IAsyncDisposable
{
    /// <summary>The member whose observations make the transcript.</summary>
    public const string Viewer = "A";

    /// <summary>Monday 2 November 2026, 09:00 in Japan.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TestSmtpServer _smtp = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;
    private readonly Dictionary<string, TestMember> _members = [];
    private readonly Dictionary<string, Guid> _ids = [];
    private readonly Dictionary<Guid, string> _names = [];

    private AnonymityWorld()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _smtp.UseFor(_factory);
        _client = _factory.CreateClient();
    }

    public List<string> Transcript { get; } = [];

    /// <summary>Plays <paramref name="script"/> in a new world of its own.</summary>
    public static async Task<AnonymityWorld> PlayAsync(Func<AnonymityWorld, Task> script)
    {
        var world = new AnonymityWorld();
        try
        {
            await script(world);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }

        return world;
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    /// <summary>The first difference between two transcripts, or null when they are equal.</summary>
    public static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(nothing)";
            var a = i < actual.Count ? actual[i] : "(nothing)";
            if (e != a)
            {
                return $"Observation {i} differs.\nExpected: {e}\nActual:   {a}";
            }
        }

        return null;
    }

    /// <summary>Signs the members up (nickname メンバーA, …), in this order; the confirmation e-mails (with their
    /// one-time tokens) are not part of what is compared.</summary>
    public async Task SignUpAsync(params string[] names)
    {
        foreach (var name in names)
        {
            var member = await _factory.SignUpAsync(_client, nickname: "メンバー" + name, email: $"member-{name.ToLowerInvariant()}@anonymity.test");
            _members[name] = member;
            Name(member.Id, "member:" + name);
        }

        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));
        _smtp.Messages.Clear();
    }

    /// <summary>Makes a member a moderator (in the database, as staff would) and signs them in again.</summary>
    public async Task MakeModeratorAsync(string name)
    {
        await _factory.WithDbAsync(async db =>
        {
            (await db.Members.FindAsync(_members[name].Id))!.SetRoles(MemberRoles.Moderator, _clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        await MoveToAsync(_clock.GetUtcNow(), name);
    }

    /// <summary>The id of a post the script made (its label).</summary>
    public Guid Id(string label) => _ids[label];

    public bool TryId(string label, out Guid id) => _ids.TryGetValue(label, out id);

    public Guid MemberId(string name) => _members[name].Id;

    public string PasswordOf(string name) => _members[name].Password;

    /// <summary>Every GET route a member can call, each list walked page by page: <paramref name="topics"/> are the
    /// labels of the topics whose views are read, <paramref name="searches"/> the words searched for.</summary>
    public async Task ReadEverythingAsync(IReadOnlyList<string> topics, IReadOnlyList<string> searches)
    {
        await GetAsync("/api/boards");
        await GetAsync("/api/tags");
        await WalkAsync("/api/boards/chat/topics?limit=2");
        await WalkAsync("/api/boards/chat/topics?tag=money&limit=2");
        await WalkAsync("/api/boards/chat/topics?unanswered=true&limit=2");
        await WalkAsync("/api/boards/parents/topics");
        foreach (var topic in topics)
        {
            await WalkAsync($"/api/topics/{_ids[topic]}?limit=1", pageKey: "replies");
            await GetAsync($"/api/topics/{_ids[topic]}");
        }

        foreach (var q in searches)
        {
            await WalkAsync($"/api/search?q={Uri.EscapeDataString(q)}&limit=2");
            await WalkAsync($"/api/search?q={Uri.EscapeDataString(q)}&sort=relevance&limit=2");
        }

        await WalkAsync("/api/notifications?limit=2");
        await WalkAsync("/api/me/bookmarks?limit=2");
        await WalkAsync("/api/me/topics");
        await WalkAsync("/api/me/replies");
        await WalkAsync("/api/me/hidden-posts");
        await GetAsync("/api/me");
        await GetAsync("/api/me/notification-settings");
        await GetAsync("/api/me/export", body => ((JsonObject)body["sections"]!).Remove("blocks"));
        foreach (var name in _members.Keys)
        {
            await GetAsync($"/api/members/{_members[name].Id}");
        }

        await GetAsync("/api/meetings");
        await GetAsync("/api/announcements");
        await GetAsync("/api/safety/resources");
    }

    /// <summary>The digests that are due, then every e-mail waiting, go out over SMTP; those A received are observed.</summary>
    public async Task DeliverMailAsync()
    {
        await _factory.SendAsync(new SendDueDigestsCommand());
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));
        foreach (var message in _smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == _members[Viewer].Email))
        {
            Observe($"e-mail {message.Subject}\n{message.TextBody}\n{message.HtmlBody}");
        }

        _smtp.Messages.Clear();
    }

    public async Task TopicAsync(string label, string author, string title, string body, bool anonymous, string[]? tags = null)
    {
        Tick();
        var id = await _client.CreateTopicAsync(_members[author], title: title, body: body, anonymous: anonymous, tags: tags);
        Name(id, "topic:" + label);
        _ids[label] = id;
    }

    public async Task ReplyAsync(string label, string author, string topic, string body, bool anonymous)
    {
        Tick();
        var id = await _client.ReplyAsync(_members[author], _ids[topic], body, anonymous);
        Name(id, "reply:" + label);
        _ids[label] = id;
    }

    /// <summary>Someone else's act; it must succeed in every world, so the worlds stay alike.</summary>
    public async Task SucceedsAsync(string who, HttpMethod method, string url, object? body = null)
    {
        Tick();
        var response = await _client.SendAsAsync(_members[who], method, url, body);
        Assert.True(response.IsSuccessStatusCode, $"{who} {method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Someone else's read (a moderator's queue, say), not observed; it must succeed.</summary>
    public async Task<JsonNode> ReadAsAsync(string who, string url)
    {
        var response = await _client.SendAsAsync(_members[who], HttpMethod.Get, url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{who} GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A's own write, observed with its status and body.</summary>
    public async Task ActAsync(HttpMethod method, string url, object? body = null, string? label = null)
    {
        Tick();
        var response = await _client.SendAsAsync(_members[Viewer], method, url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (label is not null && response.StatusCode == HttpStatusCode.Created && JsonNode.Parse(text)?["id"]?.GetValue<Guid>() is { } id)
        {
            Name(id, "reply:" + label);
            _ids[label] = id;
        }

        Observe($"{method} {url} -> {(int)response.StatusCode} {text}");
    }

    /// <summary>Moves the clock and signs the members in again (access tokens last 15 minutes).</summary>
    public async Task MoveToAsync(DateTimeOffset at, params string[] signIn)
    {
        _clock.Advance(at - _clock.GetUtcNow());
        foreach (var name in signIn)
        {
            var member = _members[name];
            _members[name] = member with { Tokens = await _client.LoginAsync(member.Email, member.Password) };
        }
    }

    private async Task GetAsync(string url, Action<JsonNode>? trim = null)
    {
        var response = await _client.SendAsAsync(_members[Viewer], HttpMethod.Get, url);
        var text = await response.Content.ReadAsStringAsync();
        if (trim is not null && response.IsSuccessStatusCode && JsonNode.Parse(text) is { } node)
        {
            trim(node);
            text = node.ToJsonString();
        }

        Observe($"GET {url} -> {(int)response.StatusCode} {text}");
    }

    /// <summary>Every page of a list; <paramref name="pageKey"/> names the property holding the page when the
    /// page is nested (a topic's replies).</summary>
    private async Task WalkAsync(string url, string? pageKey = null)
    {
        string? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = cursor is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";
            var response = await _client.SendAsAsync(_members[Viewer], HttpMethod.Get, page);
            var text = await response.Content.ReadAsStringAsync();
            Observe($"GET {url} (page {pages}) -> {(int)response.StatusCode} {text}");
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var node = JsonNode.Parse(text)!;
            cursor = (pageKey is null ? node : node[pageKey]!)["nextCursor"]?.GetValue<string>();
            if (cursor is null)
            {
                return;
            }
        }

        Assert.Fail($"{url} did not end after 50 pages");
    }

    private void Observe(string observation) => Transcript.Add(Normalise(observation));

    /// <summary>Ids become the script's names (or their order of appearance); cursors, tokens and the trace ids of problem
    /// answers are blanked.</summary>
    private string Normalise(string text)
    {
        var unknown = new Dictionary<Guid, string>();
        text = GuidPattern().Replace(text, m =>
        {
            var id = Guid.Parse(m.Value);
            if (_names.TryGetValue(id, out var name))
            {
                return "{" + name + "}";
            }

            if (!unknown.TryGetValue(id, out var n))
            {
                n = "{#" + (unknown.Count + 1) + "}";
                unknown[id] = n;
            }

            return n;
        });
        text = CursorPattern().Replace(text, "\"nextCursor\":\"…\"");
        text = CursorParameterPattern().Replace(text, "cursor=…");
        text = TraceIdPattern().Replace(text, "\"traceId\":\"…\"");
        return TokenPattern().Replace(text, "token=…");
    }

    private void Name(Guid id, string name) => _names[id] = name;

    /// <summary>Ten seconds pass between acts, the same in every world.</summary>
    private void Tick() => _clock.Advance(TimeSpan.FromSeconds(10));

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("\"nextCursor\":\"[^\"]*\"")]
    private static partial Regex CursorPattern();

    [GeneratedRegex("cursor=[^&\\s\"]+")]
    private static partial Regex CursorParameterPattern();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceIdPattern();

    [GeneratedRegex("token=[^&\\s\"<>]+")]
    private static partial Regex TokenPattern();
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Salon.Application.Notifications.SendDueDigests;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Consultations;

/// <summary>
/// One scripted community on a database, clock and SMTP server of its own, in which a block is made between the
/// viewer A and one other member (<see cref="BlockTarget"/>), then everyone acts exactly as in every other world:
/// X and Y post only anonymously, Z and W by name, and A reads, replies, reacts, follows, bookmarks, reports and
/// hides. <see cref="Transcript"/> is everything A observed (every GET route a member can call, A's own writes and
/// the e-mails A received, the digest included), with ids replaced by the script's names (unknown ones by their
/// order of appearance), cursors and unsubscribe tokens blanked. Two worlds that differ only in whom a block
/// involves must give the same transcript when the differing members post only anonymously (ADR 0016).
/// </summary>
internal sealed partial class AnonymityWorld : IAsyncDisposable
{
    /// <summary>Monday 2 November 2026, 09:00 in Japan.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TestSmtpServer _smtp = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;
    private readonly Dictionary<string, TestMember> _members = [];
    private readonly Dictionary<string, Guid> _ids = [];
    private readonly Dictionary<Guid, string> _names = [];

    private AnonymityWorld(string blockTarget, bool viewerBlocks)
    {
        BlockTarget = blockTarget;
        ViewerBlocks = viewerBlocks;
        _factory = new SalonApiFactory { Clock = _clock };
        _smtp.UseFor(_factory);
        _client = _factory.CreateClient();
    }

    /// <summary>X or Y: the member A blocked (or who blocked A, when <see cref="ViewerBlocks"/> is false).</summary>
    public string BlockTarget { get; }

    public bool ViewerBlocks { get; }

    public List<string> Transcript { get; } = [];

    public static async Task<AnonymityWorld> PlayAsync(string blockTarget, bool viewerBlocks)
    {
        var world = new AnonymityWorld(blockTarget, viewerBlocks);
        await world.ScriptAsync();
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

    private async Task ScriptAsync()
    {
        foreach (var name in new[] { "A", "X", "Y", "Z", "W" })
        {
            var member = await _factory.SignUpAsync(_client, nickname: "メンバー" + name, email: $"member-{name.ToLowerInvariant()}@anonymity.test");
            _members[name] = member;
            Name(member.Id, "member:" + name);
        }

        // The confirmation e-mails (with their one-time tokens) are not part of what is compared.
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));
        _smtp.Messages.Clear();

        await SucceedsAsync("A", HttpMethod.Put, "/api/me/notification-settings", new { digest = new { frequency = "daily", hour = 20 } });
        if (ViewerBlocks)
        {
            await SucceedsAsync("A", HttpMethod.Put, $"/api/me/blocks/{_members[BlockTarget].Id}");
        }
        else
        {
            await SucceedsAsync(BlockTarget, HttpMethod.Put, $"/api/me/blocks/{_members["A"].Id}");
        }

        await TopicAsync("T3", "Z", "家族会のこと", "ひまわりの咲く頃に家族会がありました。", anonymous: false, tags: ["money"]);
        await TopicAsync("TW", "W", "弟のこと", "ひまわり畑に弟と行きました。", anonymous: false);
        await TopicAsync("TA", "A", "夜眠れない", "母の病気のことで夜眠れません。", anonymous: true);
        await SucceedsAsync("A", HttpMethod.Put, $"/api/topics/{_ids["T3"]}/follow");

        // Tuesday 10:00 in Japan: A is away; X and Y post anonymously, Z and W by name.
        await MoveToAsync(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(9)), "X", "Y", "Z", "W");
        await TopicAsync("TX1", "X", "ひまわりの相談", "ひまわりを見ると父を思い出します。", anonymous: true, tags: ["money"]);
        await TopicAsync("TY1", "Y", "ひまわりの話", "ひまわりの種を母と植えました。", anonymous: true, tags: ["money"]);
        await TopicAsync("TX2", "X", "まだ誰にも言えない", "兄の入院のことを誰にも言えません。", anonymous: true);
        await TopicAsync("TY2", "Y", "はじめまして", "姉のことで相談したいです。", anonymous: true);
        await ReplyAsync("RX1", "X", "T3", "ひまわり、うちにも咲いています。", anonymous: true);
        await ReplyAsync("RY1", "Y", "T3", "家族会、行ってみたいです。", anonymous: true);
        await ReplyAsync("RX2", "X", "TA", "わたしも眠れない夜がありました。", anonymous: true);
        await ReplyAsync("RY2", "Y", "TA", "お大事にしてください。", anonymous: true);
        await SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{_ids["TA"]}/reactions/relate");
        await SucceedsAsync("Y", HttpMethod.Put, $"/api/posts/{_ids["TA"]}/reactions/thanks");
        await SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{_ids["RY2"]}/reactions/support");
        await ReplyAsync("RZ1", "Z", "TX1", "うちの父も同じでした。", anonymous: false);
        await SucceedsAsync("W", HttpMethod.Put, $"/api/posts/{_ids["TX1"]}/reactions/relate");
        await SucceedsAsync("Z", HttpMethod.Put, $"/api/posts/{_ids["TX1"]}/reactions/thanks");
        await ReplyAsync("RZ2", "Z", "TY1", "すてきですね。", anonymous: false);
        await ReplyAsync("RX3", "X", "TX1", "ありがとうございます。少し楽になりました。", anonymous: true);
        await ReplyAsync("RX4", "X", "TW", "ひまわり畑、いいですね。", anonymous: true);
        await ReplyAsync("RW1", "W", "TX2", "話してくれてありがとう。", anonymous: false);
        await SucceedsAsync("X", HttpMethod.Delete, $"/api/posts/{_ids["TA"]}/reactions/relate");
        await SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{_ids["TA"]}/reactions/support");

        // Tuesday 20:05: the digest goes out over SMTP with everything else queued for A.
        await MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 5, 0, TimeSpan.FromHours(9)));
        await _factory.SendAsync(new SendDueDigestsCommand());
        await _factory.SendAsync(new SendPendingEmailsCommand(BatchSize: 1000));
        foreach (var message in _smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == _members["A"].Email))
        {
            Observe($"e-mail {message.Subject}\n{message.TextBody}\n{message.HtmlBody}");
        }

        // A comes back and acts on the anonymous posts (X's among them) and reads everything.
        await MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 10, 0, TimeSpan.FromHours(9)), "A");
        await ReadEverythingAsync();
        await ActAsync(HttpMethod.Post, $"/api/topics/{_ids["TX1"]}/replies", new { body = "読んでいて涙が出ました。", anonymous = false }, "RA1");
        await ActAsync(HttpMethod.Post, $"/api/topics/{_ids["TX2"]}/replies", new { body = "ここに書いてくれてよかった。", anonymous = true }, "RA2");
        await ActAsync(HttpMethod.Post, $"/api/topics/{_ids["TY2"]}/replies", new { body = "ようこそ。", anonymous = true }, "RA3");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["TX1"]}/reactions/relate");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["RX1"]}/reactions/support");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["RX2"]}/reactions/thanks");
        await ActAsync(HttpMethod.Delete, $"/api/posts/{_ids["RX2"]}/reactions/thanks");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["TY1"]}/reactions/relate");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TX1"]}/follow");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TX2"]}/follow");
        await ActAsync(HttpMethod.Delete, $"/api/topics/{_ids["TX2"]}/follow");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TX1"]}/bookmark");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TY1"]}/bookmark");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TX2"]}/bookmark");
        await ActAsync(HttpMethod.Put, $"/api/topics/{_ids["TX1"]}/read");
        await ActAsync(HttpMethod.Post, "/api/reports", new { postId = _ids["RX4"], reason = "other", note = "気になりました" });
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["TY2"]}/hide");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["RX3"]}/hide");
        await ActAsync(HttpMethod.Put, $"/api/posts/{_ids["RX3"]}/hide");

        // Others answer A's replies, then A reads everything again.
        await MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 20, 0, TimeSpan.FromHours(9)), "X", "Y", "Z");
        await ReplyAsync("RX5", "X", "TX1", "返信ありがとう。", anonymous: true);
        if (_ids.TryGetValue("RA3", out var ra3) && _ids.TryGetValue("RA2", out var ra2))
        {
            // Only if A's replies were accepted; if not, the transcripts already differ.
            await SucceedsAsync("X", HttpMethod.Put, $"/api/posts/{ra3}/reactions/relate");
            await SucceedsAsync("Y", HttpMethod.Put, $"/api/posts/{ra2}/reactions/thanks");
        }

        await ReplyAsync("RZ3", "Z", "TX2", "わたしも聞きますよ。", anonymous: false);
        await MoveToAsync(new DateTimeOffset(2026, 11, 3, 20, 25, 0, TimeSpan.FromHours(9)), "A");
        await ReadEverythingAsync();
    }

    /// <summary>Every GET route a member can call, each list walked page by page.</summary>
    private async Task ReadEverythingAsync()
    {
        await GetAsync("/api/boards");
        await GetAsync("/api/tags");
        await WalkAsync("/api/boards/chat/topics?limit=2");
        await WalkAsync("/api/boards/chat/topics?tag=money&limit=2");
        await WalkAsync("/api/boards/chat/topics?unanswered=true&limit=2");
        await WalkAsync("/api/boards/parents/topics");
        foreach (var topic in new[] { "TX1", "TX2", "TY1", "TY2", "T3", "TW", "TA" })
        {
            await WalkAsync($"/api/topics/{_ids[topic]}?limit=1", pageKey: "replies");
            await GetAsync($"/api/topics/{_ids[topic]}");
        }

        foreach (var q in new[] { "ひまわり", "ひま", "家族" })
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

    private async Task TopicAsync(string label, string author, string title, string body, bool anonymous, string[]? tags = null)
    {
        Tick();
        var id = await _client.CreateTopicAsync(_members[author], title: title, body: body, anonymous: anonymous, tags: tags);
        Name(id, "topic:" + label);
        _ids[label] = id;
    }

    private async Task ReplyAsync(string label, string author, string topic, string body, bool anonymous)
    {
        Tick();
        var id = await _client.ReplyAsync(_members[author], _ids[topic], body, anonymous);
        Name(id, "reply:" + label);
        _ids[label] = id;
    }

    /// <summary>Someone else's act; it must succeed in every world, so the worlds stay alike.</summary>
    private async Task SucceedsAsync(string who, HttpMethod method, string url, object? body = null)
    {
        Tick();
        var response = await _client.SendAsAsync(_members[who], method, url, body);
        Assert.True(response.IsSuccessStatusCode, $"{who} {method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A's own write, observed with its status and body.</summary>
    private async Task ActAsync(HttpMethod method, string url, object? body = null, string? label = null)
    {
        Tick();
        var response = await _client.SendAsAsync(_members["A"], method, url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (label is not null && response.StatusCode == HttpStatusCode.Created && JsonNode.Parse(text)?["id"]?.GetValue<Guid>() is { } id)
        {
            Name(id, "reply:" + label);
            _ids[label] = id;
        }

        Observe($"{method} {url} -> {(int)response.StatusCode} {text}");
    }

    private async Task GetAsync(string url, Action<JsonNode>? trim = null)
    {
        var response = await _client.SendAsAsync(_members["A"], HttpMethod.Get, url);
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
            var response = await _client.SendAsAsync(_members["A"], HttpMethod.Get, page);
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

    /// <summary>Ids become the script's names (or their order of appearance), cursors and tokens are blanked.</summary>
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
        return TokenPattern().Replace(text, "token=…");
    }

    private void Name(Guid id, string name) => _names[id] = name;

    /// <summary>Ten seconds pass between acts, the same in every world.</summary>
    private void Tick() => _clock.Advance(TimeSpan.FromSeconds(10));

    /// <summary>Moves the clock and signs the members in again (access tokens last 15 minutes).</summary>
    private async Task MoveToAsync(DateTimeOffset at, params string[] signIn)
    {
        _clock.Advance(at - _clock.GetUtcNow());
        foreach (var name in signIn)
        {
            var member = _members[name];
            _members[name] = member with { Tokens = await _client.LoginAsync(member.Email, member.Password) };
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("\"nextCursor\":\"[^\"]*\"")]
    private static partial Regex CursorPattern();

    [GeneratedRegex("cursor=[^&\\s\"]+")]
    private static partial Regex CursorParameterPattern();

    [GeneratedRegex("token=[^&\\s\"<>]+")]
    private static partial Regex TokenPattern();
}

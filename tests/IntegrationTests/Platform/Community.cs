using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.Domain.Notifications;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Platform;

/// <summary>A small community written through the API, and what the API answers about it (<see cref="ViewAsync"/>):
/// the same answers before and after its database is moved or restored mean nothing was lost or changed.</summary>
public sealed partial class Community
{
    public const string Password = "correct horse battery";

    private Community(TestMember official, List<TestMember> members, string word)
    {
        Official = official;
        Members = members;
        SearchWord = word;
    }

    public TestMember Official { get; set; }

    /// <summary>Members, with the tokens they were last given (the refresh tokens are unused).</summary>
    public List<TestMember> Members { get; }

    /// <summary>A word only this community's posts contain (three of them).</summary>
    public string SearchWord { get; }

    public Guid NamedTopic { get; private set; }

    public Guid AnonymousTopic { get; private set; }

    public Guid AnonymousReply { get; private set; }

    public Guid Meeting { get; private set; }

    /// <summary>Members, named and anonymous posts, reactions, follows and bookmarks, a block, a meeting with a
    /// waitlist, a report, an announcement, notification settings, notices; every e-mail sent except one.</summary>
    public static async Task<Community> FillAsync(SalonApiFactory factory, HttpClient client, int members = 6)
    {
        var official = await factory.CreateOfficialAsync(client);
        var people = new List<TestMember>();
        for (var i = 0; i < members; i++)
        {
            people.Add(await factory.SignUpAsync(client, positions: i % 2 == 0 ? ["parent"] : ["sibling", "child"]));
        }

        var word = "移行確認" + Guid.NewGuid().ToString("N")[..6];
        var community = new Community(official, people, word);
        var (a, b, c, d) = (people[0], people[1], people[2], people[3]);

        community.NamedTopic = await client.CreateTopicAsync(a, board: "parents", title: $"{word}について", body: "息子の服薬のことで悩んでいます。", tags: ["medical", "communication"]);
        community.AnonymousTopic = await client.CreateTopicAsync(b, board: "siblings", title: "誰にも言えないこと", body: $"兄のことです。{word}\n改行と \"引用\" と \\ と 😀 も。", anonymous: true);
        await client.CreateTopicAsync(c, board: "monologue", title: "ひとりごと", body: "今日は少し疲れました。", repliesWelcome: false);
        var reply = await client.ReplyAsync(c, community.NamedTopic, "うちも同じでした。");
        community.AnonymousReply = await client.ReplyAsync(d, community.AnonymousTopic, $"匿名で返信します。{word}", anonymous: true);
        await client.ReplyAsync(a, community.AnonymousTopic, "一人で抱えないでくださいね。");

        await Ok(client.SendAsAsync(c, HttpMethod.Put, $"/api/posts/{community.NamedTopic}/reactions/relate"));
        await Ok(client.SendAsAsync(d, HttpMethod.Put, $"/api/posts/{community.NamedTopic}/reactions/thanks"));
        await Ok(client.SendAsAsync(a, HttpMethod.Put, $"/api/posts/{community.AnonymousTopic}/reactions/support"));
        await Ok(client.SendAsAsync(a, HttpMethod.Put, $"/api/posts/{reply}/reactions/thanks"));
        await Ok(client.SendAsAsync(c, HttpMethod.Put, $"/api/topics/{community.NamedTopic}/bookmark"));
        await Ok(client.SendAsAsync(d, HttpMethod.Put, $"/api/topics/{community.NamedTopic}/follow"));
        await Ok(client.SendAsAsync(c, HttpMethod.Get, $"/api/topics/{community.AnonymousTopic}"));
        await Ok(client.SendAsAsync(people[^1], HttpMethod.Put, $"/api/me/blocks/{a.Id}"));
        await Ok(client.SendAsAsync(b, HttpMethod.Put, "/api/me/notification-settings", new { digest = new { frequency = "daily", hour = 20 } }));
        await (await client.SendAsAsync(people[^1], HttpMethod.Post, "/api/reports", new { postId = community.AnonymousTopic, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
        await Ok(client.SendAsAsync(official, HttpMethod.Put, "/api/moderation/watched-words", new[] { new { word = "宣伝です", action = "hold" } }));
        await (await client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "サロンからのお知らせ", body = "交流会を開きます。", pinned = true, @public = true })).ShouldBe(HttpStatusCode.Created);
        await factory.SendAsync(new DeliverAnnouncementNoticesCommand());

        // Two seats for four applicants: two accepted, then the waitlist in order of arrival.
        community.Meeting = await client.CreateMeetingAsync(official, MeetingScenario.Online(DateTime.UtcNow.AddDays(10), capacity: 2));
        foreach (var applicant in new[] { d, c, b, a })
        {
            await client.ApplyAsync(applicant, community.Meeting);
        }

        // Everything mailed so far is sent; one e-mail is left waiting in the outbox.
        await factory.SendAsync(new SendPendingEmailsCommand());
        await (await client.PostAsJsonAsync("/api/auth/forgot-password", new { email = people[^1].Email })).ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Pending)));
        return community;
    }

    /// <summary>What the API answers to the members and the official about the community, as text, with times at
    /// microseconds (PostgreSQL's precision; SQLite keeps 100 ns).</summary>
    public async Task<List<string>> ViewAsync(HttpClient client)
    {
        var view = new List<string>();
        async Task Read(TestMember viewer, string url)
        {
            // Not-found answers too (a blocked author's topic), without their trace ids.
            var response = await client.SendAsAsync(viewer, HttpMethod.Get, url);
            var body = response.IsSuccessStatusCode ? Microseconds(await response.Content.ReadAsStringAsync()) : "";
            view.Add($"{viewer.Nickname} GET {url}: {(int)response.StatusCode} {body}");
        }

        foreach (var member in Members)
        {
            await Read(member, "/api/me");
            await Read(member, "/api/notifications?limit=100");
            await Read(member, "/api/me/bookmarks");
            await Read(member, "/api/me/blocks");
            await Read(member, "/api/me/notification-settings");
            await Read(member, $"/api/topics/{NamedTopic}");
            await Read(member, $"/api/topics/{AnonymousTopic}");
            await Read(member, $"/api/meetings/{Meeting}");
            await Read(member, $"/api/search?q={Uri.EscapeDataString(SearchWord)}&sort=newest");
        }

        var reader = Members[2];
        await Read(reader, "/api/boards");
        await Read(reader, "/api/tags");
        foreach (var board in new[] { "parents", "siblings", "monologue", "chat" })
        {
            await Read(reader, $"/api/boards/{board}/topics?limit=100");
        }

        await Read(reader, "/api/search?q=" + Uri.EscapeDataString("服薬") + "&sort=newest");
        await Read(reader, "/api/announcements");
        await Read(Official, $"/api/meetings/{Meeting}/applications");
        await Read(Official, "/api/moderation/queue");
        await Read(Official, "/api/moderation/audit");
        await Read(Official, "/api/moderation/watched-words");
        return view;
    }

    /// <summary>Fractions of seconds cut to microseconds, as PostgreSQL stores them.</summary>
    private static string Microseconds(string json) => FractionOfSecond().Replace(json, m =>
    {
        var digits = m.Groups[1].Value.PadRight(7, '0')[..6].TrimEnd('0');
        return (digits.Length > 0 ? "." + digits : "") + m.Groups[2].Value;
    });

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Created))
        {
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex(@"(?<=T\d\d:\d\d:\d\d)\.(\d+)([Z+-])")]
    private static partial Regex FractionOfSecond();
}

/// <summary>Runs a verb of the real CLI (<c>dotnet Salon.WebApi.dll VERB …</c>) with the given settings as
/// environment variables, as an operator would.</summary>
public static class SalonCli
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Salon.WebApi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>Settings for a SQLite database file.</summary>
    public static Dictionary<string, string> Sqlite(string file) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={file}",
    };

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Salon.BrowserTests.Infrastructure;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.BrowserTests;

/// <summary>The web client's pages answer any query value and any form post without a server error, as the API does
/// (docs/adr/0019). The pages and forms are found, not listed: every routable component of Salon.Web with a query
/// parameter gets a value no type could parse, and every posting form on the pages members and staff see is sent
/// again without each of its fields (a browser leaves out an unticked box, anyone can leave out anything).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageInputTests(BrowserFixture browser)
{
    private static readonly Assembly Web = typeof(Salon.Web.Hosting.WebClient).Assembly;

    /// <summary>Every page of the web client: its route template and component.</summary>
    private static IEnumerable<(string Template, Type Component)> Pages() =>
        Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)));

    /// <summary>Each property of the component and its bases (the private ones too).</summary>
    private static IEnumerable<PropertyInfo> Properties(Type component)
    {
        for (var type = component; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return property;
            }
        }
    }

    private static List<string> QueryNames(Type component) =>
        Properties(component)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? char.ToLowerInvariant(p.Property.Name[0]) + p.Property.Name[1..])
            .ToList();

    /// <summary>Every query parameter of every page, given a value no type parses (<c>x</c>), is answered without a server
    /// error; given NUL (<c>%00</c>), with the web client's 400 page.</summary>
    [Fact]
    public async Task Every_query_parameter_of_every_page_given_a_value_no_type_parses_is_answered_without_a_server_error()
    {
        var world = await World.CreateAsync(browser);
        var users = new[] { ("anonymous", await browser.NewPageAsync()), ("member", await world.SignedInAsync(world.Member)), ("staff", await world.SignedInAsync(world.Staff)) };
        var pages = Pages().Select(p => (p.Template, Names: QueryNames(p.Component))).Where(p => p.Names.Count > 0).ToList();
        Assert.True(pages.Count >= 25, $"found only {pages.Count} pages with query parameters");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (template, names) in pages)
        {
            var path = world.Path(template);
            foreach (var name in names)
            {
                foreach (var (user, page) in users)
                {
                    var url = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}=x";
                    var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
                    sent++;
                    if (response.Status >= 500)
                    {
                        failures.Add($"{user} GET {url}: {response.Status}");
                    }

                    // NUL, which no text here needs: the web client's own 400 page (RefusedQueries), not the API's JSON.
                    var nul = await page.APIRequest.GetAsync(url[..^1] + "%00", new() { MaxRedirects = 0 });
                    sent++;
                    if (nul.Status != 400 || !(await nul.TextAsync()).Contains("このアドレスは開けません", StringComparison.Ordinal))
                    {
                        failures.Add($"{user} GET {url[..^1]}%00: {nul.Status} {nul.Headers.GetValueOrDefault("content-type")}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_reads_as_absent_and_one_that_does_still_counts()
    {
        var world = await World.CreateAsync(browser);
        var page = await world.SignedInAsync(world.Member);
        var notice = page.GetByRole(AriaRole.Status);

        await page.GotoAsync($"/topics/{world.TopicId}?posted=yes");
        await Assertions.Expect(notice).ToHaveCountAsync(0);
        await page.GotoAsync($"/topics/{world.TopicId}?posted=True");
        await Assertions.Expect(notice).ToHaveTextAsync("投稿しました。");

        var editor = page.Locator($"#post-{world.MemberReplyId} textarea");
        await page.GotoAsync($"/topics/{world.TopicId}?edit={world.MemberReplyId:N}x");
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        await page.GotoAsync($"/topics/{world.TopicId}?edit={world.MemberReplyId}");
        await Assertions.Expect(editor).ToHaveCountAsync(1);

        // A link from the e-mail with a broken id is no link from the e-mail.
        var visitor = await browser.NewPageAsync();
        var confirm = visitor.GetByRole(AriaRole.Button, new() { Name = "メールアドレスを確認する" });
        await visitor.GotoAsync("/confirm-email?userId=x&token=t");
        await Assertions.Expect(visitor.GetByText("メールの中のリンクから、このページを開いてください。")).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await visitor.GotoAsync($"/confirm-email?userId={Guid.NewGuid()}&token=t");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
    }

    /// <summary>Pages that show every form the web client binds ([SupplyParameterFromForm]), in an order where posting
    /// one does not take away the next (the meeting is edited before the page that can cancel it is visited).</summary>
    private static IEnumerable<(string User, string Path)> FormPages(World world) =>
    [
        ("anonymous", "/login"),
        ("anonymous", "/signup"),
        ("anonymous", "/forgot-password"),
        ("anonymous", "/resend-confirmation"),
        ("anonymous", $"/reset-password?userId={Guid.NewGuid()}&token=t"),
        ("member", "/settings/profile"),
        ("member", "/settings/notifications"),
        ("member", "/settings/password"),
        ("member", "/settings/email"),
        ("member", "/settings/delete"),
        ("member", "/boards/parents/new"),
        ("member", $"/topics/{world.TopicId}"),
        ("member", $"/topics/{world.TopicId}?edit={world.MemberReplyId}"),
        ("member", $"/topics/{world.TopicId}/edit"),
        ("member", $"/posts/{world.OtherReplyId}/report?topic={world.TopicId}"),
        ("member", $"/members/{world.OtherId}"),
        ("member", $"/meetings/{world.MeetingId}"),
        ("staff", "/meetings/new"),
        ("staff", $"/meetings/{world.MeetingId}/edit"),
        ("staff", $"/meetings/{world.MeetingId}/manage?step=cancel"),
        ("staff", "/announcements/new"),
        ("staff", $"/announcements/{world.AnnouncementId}/edit"),
        ("staff", "/staff/watched-words"),
        ("staff", "/staff/moderation"),
        ("staff", $"/staff/roles?nickname={Uri.EscapeDataString(world.Other.Nickname)}"),
        ("staff", $"/staff/members/{world.OtherId}/suspension"),
    ];

    [Fact]
    public async Task Every_form_posted_without_each_of_its_fields_is_answered_without_a_server_error()
    {
        var world = await World.CreateAsync(browser);
        var users = new Dictionary<string, IPage>
        {
            ["anonymous"] = await browser.NewPageAsync(),
            ["member"] = await world.SignedInAsync(world.Member),
            ["staff"] = await world.SignedInAsync(world.Staff),
        };

        var failures = new List<string>();
        var handlers = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var (user, path) in FormPages(world))
        {
            var page = users[user];
            var opened = await page.GotoAsync(path);
            Assert.True(opened!.Status == 200, $"{user} GET {path}: {opened.Status}");
            foreach (var form in await PostingFormsAsync(page))
            {
                var handler = form.Fields.FirstOrDefault(f => f.Name == "_handler").Value ?? "";
                var fields = form.Fields.Where(f => f.Name is not ("_handler" or "__RequestVerificationToken")).ToList();
                if (fields.Count == 0)
                {
                    continue;
                }

                handlers.Add(handler);
                foreach (var (left, without) in Omissions(fields))
                {
                    var data = page.APIRequest.CreateFormData();
                    foreach (var (name, value) in form.Fields.Where(f => !without.Contains(f.Name)))
                    {
                        data.Append(name, value);
                    }

                    var response = await page.APIRequest.PostAsync(form.Action, new() { Form = data, MaxRedirects = 0 });
                    sent++;
                    if (response.Status >= 500)
                    {
                        failures.Add($"{user} POST {form.Action} {handler} {form.Button} without {left}: {response.Status}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} posts failed:\n" + string.Join("\n", failures));

        // Every form a page binds was among them: a new form needs a page in FormPages.
        var bound = Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(Properties)
            .Select(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>()?.FormName)
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.True(bound.Count >= 20, $"found only {bound.Count} bound forms");
        Assert.Empty(bound.Except(handlers));
    }

    /// <summary>The form's fields left out one name at a time, then each group of boxes (<c>Form.InApp[…]</c>) at once,
    /// then all of them.</summary>
    private static IEnumerable<(string Left, HashSet<string> Without)> Omissions(IReadOnlyList<(string Name, string Value)> fields)
    {
        var names = fields.Select(f => f.Name).Distinct().ToList();
        foreach (var name in names)
        {
            yield return (name, [name]);
        }

        foreach (var group in names.Where(n => n.Contains('[', StringComparison.Ordinal)).GroupBy(n => n[..n.IndexOf('[', StringComparison.Ordinal)]))
        {
            yield return (group.Key + "[…]", [.. group]);
        }

        yield return ("every field", [.. names]);
    }

    private sealed record PostingForm(string Action, string Button, IReadOnlyList<(string Name, string Value)> Fields);

    /// <summary>The page's posting forms as the browser would send them (unticked boxes left out), once for each named
    /// submit button (確認する, 保存する…).</summary>
    private static async Task<IReadOnlyList<PostingForm>> PostingFormsAsync(IPage page)
    {
        var forms = await page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('form[method=post]')).flatMap(form => {
                const submitters = Array.from(form.querySelectorAll('button[type=submit][name]'));
                return (submitters.length > 0 ? submitters : [null]).map(submitter => ({
                    action: form.action,
                    button: submitter ? submitter.name + '=' + submitter.value : '',
                    fields: Array.from(new FormData(form, submitter).entries()).map(([name, value]) => [name, String(value)]),
                }));
            })
            """);
        return forms.EnumerateArray()
            .Select(f => new PostingForm(
                f.GetProperty("action").GetString()!,
                f.GetProperty("button").GetString()!,
                f.GetProperty("fields").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)).ToList()))
            .ToList();
    }

    /// <summary>Form posts that no page of the web client sends, each refused by the framework before any page runs:
    /// without the anti-forgery token, not a form at all, without the form's name, naming a form the page does not
    /// have, naming two, a multipart body without its boundary.</summary>
    public static TheoryData<string> MalformedFormPosts => ["no token", "json", "no form name", "unknown form name", "two form names", "multipart without boundary"];

    [Theory]
    [MemberData(nameof(MalformedFormPosts))]
    public async Task A_malformed_form_post_gets_a_400_page_in_Japanese_first_not_the_frameworks_text(string kind)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        var token = await page.Locator("form[method=post] input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = page.APIRequest.CreateFormData();
        if (kind != "no token")
        {
            form.Append("__RequestVerificationToken", token!);
        }

        foreach (var name in kind switch { "no form name" => [], "unknown form name" => ["nope"], "two form names" => ["login", "nope"], _ => new[] { "login" } })
        {
            form.Append("_handler", name);
        }

        form.Append("Form.Email", "someone@example.org");
        var options = kind switch
        {
            "json" => new APIRequestContextOptions { DataString = "{}", Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } },
            "multipart without boundary" => new APIRequestContextOptions { DataString = "x", Headers = new Dictionary<string, string> { ["Content-Type"] = "multipart/form-data" } },
            _ => new APIRequestContextOptions { Form = form },
        };
        options.MaxRedirects = 0;

        var response = await page.APIRequest.PostAsync("/login", options);
        Assert.Equal(400, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        var html = await response.TextAsync();
        Assert.Contains("<html lang=\"ja\"", html, StringComparison.Ordinal);
        var japanese = html.IndexOf("送信を受け付けられませんでした", StringComparison.Ordinal);
        var english = html.IndexOf("could not be accepted", StringComparison.Ordinal);
        Assert.True(japanese > 0 && english > japanese, html);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Content-type", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_to_a_page_that_does_not_exist_gets_the_not_found_page()
    {
        var page = await browser.NewPageAsync();
        var response = await page.APIRequest.PostAsync("/no-such-page", new() { Form = page.APIRequest.CreateFormData().Set("a", "1"), MaxRedirects = 0 });
        // 405 here, 404 in a published app: served from the build output, the static files' fallback route ({**path:file})
        // takes GET and HEAD on any path for the router's method check. The web client's page either way, not JSON.
        Assert.Contains(response.Status, new[] { 404, 405 });
        Assert.Contains(response.Status == 404 ? "ページが見つかりません" : "このページは、この方法では開けません", await response.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Hosts Kestrel lets through but no address can have: a port over 65535, an empty label, a name over 255.</summary>
    public static TheoryData<string> HostsThatMakeNoAddress => ["localhost:65536", "localhost:99999999999", "a..b", new string('a', 300)];

    [Theory]
    [MemberData(nameof(HostsThatMakeNoAddress))]
    public async Task A_host_header_that_makes_no_address_is_a_400_on_the_web_pages(string host)
    {
        foreach (var path in new[] { "/login", "/no-such-page" })
        {
            // Written by hand: no client library sends a Host like these.
            var response = await RawHttp.SendAsync(browser.Server.BaseAddress, $"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        }
    }

    /// <summary>A member with a consultation and a reply, another member who replied there too and reported the
    /// member's reply, a 交流会 and an お知らせ, and a staff member with every role.</summary>
    private sealed class World
    {
        private readonly BrowserFixture _browser;

        private World(BrowserFixture browser) => _browser = browser;

        public Member Member { get; private set; } = default!;

        public Member Other { get; private set; } = default!;

        public Member Staff { get; private set; } = default!;

        public Guid OtherId { get; private set; }

        public Guid TopicId { get; private set; }

        public Guid MemberReplyId { get; private set; }

        public Guid OtherReplyId { get; private set; }

        public Guid MeetingId { get; private set; }

        public Guid AnnouncementId { get; private set; }

        public static async Task<World> CreateAsync(BrowserFixture browser)
        {
            var server = browser.Server;
            var admin = await server.CreateOfficialAsync();
            var world = new World(browser)
            {
                Member = await server.RegisterAsync("いりぐち"),
                Other = await server.RegisterAsync("ほか"),
                Staff = await server.RegisterAsync("みまもり"),
            };
            await server.SetRolesAsync(admin, world.Staff, "moderator", "official", "admin");
            var found = await server.CallAsync(admin, HttpMethod.Get, "/api/admin/members?nickname=" + Uri.EscapeDataString(world.Other.Nickname));
            world.OtherId = found.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("nickname").GetString() == world.Other.Nickname).GetProperty("id").GetGuid();

            world.TopicId = await server.PostTopicAsync(world.Member, "入力の確かめ " + Guid.NewGuid().ToString("N")[..6], "家族のことで、夜になると考えこんでしまいます。");
            world.MemberReplyId = await server.ReplyAsync(world.Member, world.TopicId, "書いてみて、少し落ち着きました。");
            world.OtherReplyId = await server.ReplyAsync(world.Other, world.TopicId, "わたしもそうでした。");
            await server.ReportAsync(world.Other, world.MemberReplyId, "other", "確かめのための報告");

            world.MeetingId = await server.CreateMeetingAsync(world.Staff, "確かめの会");
            var announcement = await server.CallAsync(world.Staff, HttpMethod.Post, "/api/announcements",
                new { title = "確かめのお知らせ", body = "本文です。", pinned = false, @public = false }, HttpStatusCode.Created);
            world.AnnouncementId = announcement.GetProperty("id").GetGuid();
            return world;
        }

        public async Task<IPage> SignedInAsync(Member member)
        {
            var page = await _browser.NewPageAsync();
            await page.SignInAsync(member);
            return page;
        }

        /// <summary>The page's address with this world's values for its route parameters.</summary>
        public string Path(string template)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                return template;
            }

            var paths = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/announcements/{Id:guid}"] = $"/announcements/{AnnouncementId}",
                ["/announcements/{Id:guid}/edit"] = $"/announcements/{AnnouncementId}/edit",
                ["/boards/{Slug}"] = "/boards/parents",
                ["/boards/{Slug}/new"] = "/boards/parents/new",
                ["/meetings/{Id:guid}"] = $"/meetings/{MeetingId}",
                ["/meetings/{Id:guid}/edit"] = $"/meetings/{MeetingId}/edit",
                ["/meetings/{Id:guid}/manage"] = $"/meetings/{MeetingId}/manage",
                ["/members/{Id:guid}"] = $"/members/{OtherId}",
                ["/posts/{PostId:guid}/report"] = $"/posts/{OtherReplyId}/report",
                ["/staff/members/{Id:guid}/suspension"] = $"/staff/members/{OtherId}/suspension",
                ["/topics/{Id:guid}"] = $"/topics/{TopicId}",
                ["/topics/{Id:guid}/edit"] = $"/topics/{TopicId}/edit",
            };
            return paths.TryGetValue(template, out var path) ? path : throw new InvalidOperationException($"No values for the route parameters of {template}: add them to World.Path.");
        }
    }
}

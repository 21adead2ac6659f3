using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed class RegistrationTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_nickname_that_differs_only_in_width_and_case_is_taken()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), "salon" + suffix))).ShouldBe(HttpStatusCode.Created);

        var fullWidth = "ＳＡＬＯＮ" + string.Concat(suffix.Select(c => (char)(c + 0xFEE0)));
        var response = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), fullWidth));

        await response.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.JsonAsync();
        Assert.Equal("nickname-taken", problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("公式サポート")]
    [InlineData("ＡＤＭＩＮ")]
    [InlineData("運 営")]
    [InlineData("匿名さん")]
    [InlineData("退会したメンバー")]
    public async Task Nicknames_that_impersonate_staff_or_placeholders_are_refused(string nickname)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), nickname));
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("nickname", out _));
    }

    /// <summary>Twenty characters as a reader counts them can be far more as stored: a character that NFKC spells out
    /// (㌖ is キロメートル in the comparison key) or one with a pile of combining marks. Such a nickname is refused like any
    /// other that does not fit (400), on signing up and on renaming; it reached the database before, where PostgreSQL's
    /// 100-character columns refused it with a 500. The message says why, not 「2〜20文字で」.</summary>
    [Theory]
    [InlineData("expands")]
    [InlineData("combining")]
    public async Task A_nickname_too_long_to_store_is_400_on_signing_up_and_renaming(string shape)
    {
        var nickname = shape == "expands"
            ? string.Concat(Enumerable.Repeat("㌖", 18))
            : "a" + new string('\u0301', 120) + "b";

        var register = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail(), nickname));
        await register.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await register.JsonAsync()).GetProperty("errors").TryGetProperty("nickname", out var messages));
        // Said for what it is: the name has 2 to 20 characters, so 「2〜20文字で」 would puzzle its writer.
        var said = messages.EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.DoesNotContain(said, m => m.Contains("2〜20", StringComparison.Ordinal));
        Assert.Contains(said, m => m.Contains("多すぎます", StringComparison.Ordinal));

        var member = await factory.SignUpAsync(_client);
        var rename = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { nickname });
        await rename.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await rename.JsonAsync()).GetProperty("errors").TryGetProperty("nickname", out _));
    }

    /// <summary>An address with one @ is not yet one mail can go to: with a space in it, or a name and the address in
    /// angle brackets, the mail library refused it (so the confirmation never left, and the failure stopped the mail
    /// queued behind it) or sent it elsewhere than the address kept. Refused on signing up and on changing it (400).</summary>
    [Theory]
    [InlineData("a b@example.com")]
    [InlineData("はな <hana@example.com>")]
    [InlineData("hana@example.com, sora")]
    public async Task An_address_mail_cannot_be_sent_to_as_written_is_400(string email)
    {
        var register = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname()));
        await register.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await register.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));

        var member = await factory.SignUpAsync(_client);
        var change = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail = email, currentPassword = member.Password });
        await change.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await change.JsonAsync()).GetProperty("errors").TryGetProperty("newEmail", out _));
    }

    [Fact]
    public async Task Invalid_input_gets_Japanese_problem_details_by_default_with_errors_by_field()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new
        {
            email = "not-an-address",
            password = "short",
            nickname = "a",
            familyPositions = new[] { "cousin" },
            acceptTerms = false,
            consentSensitiveInfo = false,
        });

        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("入力内容を確認してください。", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("type", out _));
        Assert.True(problem.TryGetProperty("traceId", out _));
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "email", "password", "nickname", "familyPositions", "acceptTerms", "consentSensitiveInfo" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}");
            Assert.Matches(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", messages[0].GetString()!);
        }
    }

    [Fact]
    public async Task Invalid_input_gets_English_problem_details_with_accept_language_en()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = JsonContent.Create(new { email = "", password = "", nickname = "", familyPositions = Array.Empty<string>(), acceptTerms = true, consentSensitiveInfo = true }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var response = await _client.SendAsync(request);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        Assert.Equal("Please check your input.", problem.GetProperty("title").GetString());
        var message = problem.GetProperty("errors").GetProperty("familyPositions")[0].GetString()!;
        Assert.Equal("Choose at least one family position.", message);
        Assert.DoesNotMatch(@"[\p{IsHiragana}\p{IsKatakana}]", problem.GetProperty("errors").GetProperty("email")[0].GetString()!);
    }

    [Fact]
    public async Task One_validator_answers_each_request_in_that_requests_language()
    {
        // Validators are built once per process (docs/adr/0034): a message fixed when the validator was built would
        // keep the first request's language for every later one.
        foreach (var (language, english) in new[] { ("ja", false), ("en", true), ("ja", false), ("en", true) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
            {
                Content = JsonContent.Create(new { email = "a@example.com", password = "long enough pw", nickname = "abc", familyPositions = Array.Empty<string>(), acceptTerms = true, consentSensitiveInfo = true }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);

            var response = await _client.SendAsync(request);

            await response.ShouldBe(HttpStatusCode.BadRequest);
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("familyPositions")[0].GetString()!;
            if (english)
            {
                Assert.Equal("Choose at least one family position.", message);
            }
            else
            {
                Assert.Matches(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", message);
            }
        }
    }

    [Fact]
    public async Task Missing_fields_are_validation_errors_not_server_errors()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { email = "a@example.com", password = "long enough pw", nickname = "abc", acceptTerms = true, consentSensitiveInfo = true });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("familyPositions", out _));

        var empty = await _client.PostAsJsonAsync("/api/auth/register", new { });
        await empty.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/auth/register", content);
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registering_a_registered_address_looks_the_same_but_only_tells_its_owner()
    {
        var owner = await factory.SignUpAsync(_client);

        var again = await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(owner.Email, ApiClient.UniqueNickname()));

        await again.ShouldBe(HttpStatusCode.Created);
        var body = await again.JsonAsync();
        Assert.NotEqual(owner.Id.ToString(), body.GetProperty("id").GetString());
        Assert.True(body.GetProperty("emailConfirmationRequired").GetBoolean());
        var mails = await factory.AllToAsync(owner.Email);
        Assert.Contains(mails, m => m.Kind == "already-registered");
        var accounts = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == owner.Email.ToUpperInvariant()));
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task Consent_is_recorded_with_its_version_and_time()
    {
        var member = await factory.SignUpAsync(_client);
        var me = await (await _client.SendAsAsync(member, HttpMethod.Get, "/api/me")).JsonAsync();
        var consent = me.GetProperty("consent");
        Assert.False(string.IsNullOrEmpty(consent.GetProperty("termsVersion").GetString()));
        Assert.False(string.IsNullOrEmpty(consent.GetProperty("sensitiveInfoConsentVersion").GetString()));
        Assert.True(consent.GetProperty("termsAcceptedAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Resending_the_confirmation_never_reveals_whether_an_address_is_registered()
    {
        var email = ApiClient.UniqueEmail();
        await (await _client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration(email, ApiClient.UniqueNickname()))).ShouldBe(HttpStatusCode.Created);

        var known = await _client.PostAsJsonAsync("/api/auth/resend-confirmation", new { email });
        var unknown = await _client.PostAsJsonAsync("/api/auth/resend-confirmation", new { email = ApiClient.UniqueEmail() });

        await known.ShouldBe(HttpStatusCode.Accepted);
        await unknown.ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal(2, (await factory.AllToAsync(email)).Count(m => m.Kind == "email-confirmation"));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

public sealed partial class ProfileTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Signed_out_callers_get_a_401_problem()
    {
        var response = await _client.GetAsync("/api/me");
        await response.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthenticated", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Updating_the_profile_changes_only_the_fields_sent()
    {
        var member = await factory.SignUpAsync(_client, positions: ["spouse"]);

        var response = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { bio = "  夫が統合失調症です。  " });

        await response.ShouldBe(HttpStatusCode.OK);
        var me = await response.JsonAsync();
        Assert.Equal("夫が統合失調症です。", me.GetProperty("bio").GetString());
        Assert.Equal(member.Nickname, me.GetProperty("nickname").GetString());
        Assert.Equal("spouse", me.GetProperty("familyPositions")[0].GetString());

        var positions = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { familyPositions = new[] { "parent", "sibling" } });
        await positions.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (await positions.JsonAsync()).GetProperty("familyPositions").GetArrayLength());
    }

    [Fact]
    public async Task A_nickname_taken_by_someone_else_cannot_be_chosen_but_a_member_can_recase_their_own()
    {
        var first = await factory.SignUpAsync(_client, nickname: "もみじ" + Guid.NewGuid().ToString("N")[..4]);
        var second = await factory.SignUpAsync(_client);

        var taken = await _client.SendAsAsync(second, HttpMethod.Patch, "/api/me", new { nickname = first.Nickname });
        await taken.ShouldBe(HttpStatusCode.Conflict);

        var recased = await _client.SendAsAsync(first, HttpMethod.Patch, "/api/me", new { nickname = first.Nickname.ToUpperInvariant() + " " });
        await recased.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_public_profile_shows_the_month_joined_and_never_the_email()
    {
        var member = await factory.SignUpAsync(_client, positions: ["child"]);
        await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { bio = "母のことで悩んでいます" });
        var viewer = await factory.SignUpAsync(_client);

        var response = await _client.SendAsAsync(viewer, HttpMethod.Get, $"/api/members/{member.Id}");

        await response.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(member.Email, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email", body, StringComparison.OrdinalIgnoreCase);
        var profile = await response.JsonAsync();
        Assert.Equal(member.Nickname, profile.GetProperty("nickname").GetString());
        Assert.Equal("母のことで悩んでいます", profile.GetProperty("bio").GetString());
        Assert.Matches(MonthOnly(), profile.GetProperty("joinedAt").GetString()!);
        Assert.False(profile.GetProperty("isOfficial").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_member_is_404()
    {
        var viewer = await factory.SignUpAsync(_client);
        await (await _client.SendAsAsync(viewer, HttpMethod.Get, $"/api/members/{Guid.CreateVersion7()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthOnly();
}

using System.Net;
using System.Net.Http.Json;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Members;

/// <summary>A wrong e-mail-change link costs a read, not a write (docs/adr/0046): the endpoint needs no sign-in, so before
/// this, anyone could make it take a member's row lock — on SQLite the one write turn of the whole site — for every
/// request, with a member id from any profile and a made-up token.</summary>
public sealed class EmailChangeLinkCostTests : IDisposable
{
    private readonly CommandCounter _commands = new();
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public EmailChangeLinkCostTests()
    {
        _factory = new SalonApiFactory { ConfigureTestServices = s => SalonApiFactory.ConfigureDbContext(s, o => o.AddInterceptors(_commands)) };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_wrong_link_is_refused_without_writing_anything_and_a_right_one_still_works()
    {
        var member = await _factory.SignUpAsync(_client);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/confirm-email-change")
        {
            Content = JsonContent.Create(new { userId = member.Id, email = "new-address@example.org", token = "bm90LWEtdG9rZW4" }),
        };
        request.Headers.Add(CommandCounter.RequestHeader, "wrong-link");
        await (await _client.SendAsync(request)).ShouldBe(HttpStatusCode.BadRequest);

        var statements = _commands.ForRequest("wrong-link");
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.StartsWith("SELECT", s.TrimStart(), StringComparison.OrdinalIgnoreCase));

        // The real link still changes the address.
        var newEmail = ApiClient.UniqueEmail("new");
        await (await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/email", new { newEmail, currentPassword = member.Password })).ShouldBe(HttpStatusCode.Accepted);
        var mail = await _factory.LatestToAsync(newEmail, "email-change-confirmation");
        await (await _client.PostAsJsonAsync("/api/auth/confirm-email-change", new { userId = mail.Value("userId"), email = newEmail, token = mail.Value("token") }))
            .ShouldBe(HttpStatusCode.NoContent);
    }
}

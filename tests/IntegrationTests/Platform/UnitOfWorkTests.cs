using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.Application.Common.Events;
using Salon.Domain.Members.Events;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

public sealed class UnitOfWorkTests
{
    private sealed class FailingDeletionHandler : IDomainEventHandler<MemberDeleted>
    {
        public Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a module failed to handle the deletion");
    }

    [Fact]
    public async Task When_a_domain_event_handler_fails_the_whole_change_rolls_back()
    {
        using var factory = new SalonApiFactory { ConfigureTestServices = s => s.AddScoped<IDomainEventHandler<MemberDeleted>, FailingDeletionHandler>() };
        var client = factory.CreateClient();
        var member = await factory.SignUpAsync(client);

        var delete = await client.SendAsAsync(member, HttpMethod.Delete, "/api/me", new { password = member.Password, contentHandling = "delete" });

        await delete.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await delete.Content.ReadAsStringAsync();
        Assert.DoesNotContain("a module failed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        // Nothing of the deletion committed: the member, the credentials and the session are intact.
        await (await client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        var credentials = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Id == member.Id));
        Assert.Equal(1, credentials);
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_restart_on_the_same_database_keeps_members_signed_in()
    {
        var directory = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        TestMember member;
        using (var first = new SalonApiFactory { Directory = directory, KeepDirectory = true })
        {
            member = await first.SignUpAsync(first.CreateClient());
        }

        using var second = new SalonApiFactory { Directory = directory };
        var client = second.CreateClient();
        await (await client.SendAsAsync(member, HttpMethod.Get, "/api/me")).ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = member.Tokens.RefreshToken })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expected_failures_are_not_logged_as_errors_and_logs_never_hold_addresses_passwords_or_tokens()
    {
        using var factory = new SalonApiFactory();
        var client = factory.CreateClient();
        var member = await factory.SignUpAsync(client);
        await client.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = "a wrong password" });
        await client.PostAsJsonAsync("/api/auth/register", ApiClient.Registration("not-an-address", "x"));
        await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "made-up" });
        await client.SendAsAsync(member, HttpMethod.Get, $"/api/members/{Guid.CreateVersion7()}");
        await client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { bio = "兄が入院しました" });
        await factory.SendAsync(new Salon.Application.Notifications.SendPendingEmails.SendPendingEmailsCommand());

        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        foreach (var entry in factory.Logs.Entries)
        {
            Assert.DoesNotContain(member.Email, entry.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(member.Password, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(member.Tokens.RefreshToken, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(member.Tokens.AccessToken, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("兄が入院しました", entry.Message, StringComparison.Ordinal);
        }
    }
}

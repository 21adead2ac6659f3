using System.Net;
using Microsoft.EntityFrameworkCore;
using Salon.Domain.Members;
using Salon.Domain.Notifications;
using Salon.Infrastructure.Persistence;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Handlers that catch a failed save catch only a unique-key violation ("someone inserted it first");
/// anything else (a foreign key, a trigger's refusal) fails the request. On whichever provider the suite runs.</summary>
public sealed class UniqueKeyViolationTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_duplicate_primary_key_is_a_unique_key_violation()
    {
        var memberId = Guid.NewGuid();
        var period = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        await factory.WithDbAsync(async db =>
        {
            db.DigestRuns.Add(DigestRun.Record(memberId, period, sent: true, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var failure = await SaveFailureAsync(db => db.DigestRuns.Add(DigestRun.Record(memberId, period, sent: true, DateTime.UtcNow)));

        Assert.True(UniqueKeyViolations.Is(failure), failure.InnerException?.Message);
    }

    [Fact]
    public async Task A_duplicate_unique_index_is_a_unique_key_violation()
    {
        var blocker = await factory.SignUpAsync(_client);
        var blocked = await factory.SignUpAsync(_client);
        await factory.WithDbAsync(async db =>
        {
            db.MemberBlocks.Add(MemberBlock.Create(blocker.Id, blocked.Id, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var failure = await SaveFailureAsync(db => db.MemberBlocks.Add(MemberBlock.Create(blocker.Id, blocked.Id, DateTime.UtcNow)));

        Assert.True(UniqueKeyViolations.Is(failure), failure.InnerException?.Message);
    }

    [Fact]
    public async Task A_foreign_key_violation_is_not_a_unique_key_violation()
    {
        var failure = await SaveFailureAsync(db => db.MemberBlocks.Add(MemberBlock.Create(Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow)));

        Assert.False(UniqueKeyViolations.Is(failure), failure.InnerException?.Message);
    }

    /// <summary>Before, any failed save while changing the profile was answered "nickname taken" (409). A refusal that
    /// is not a unique key (here a trigger's, SQLite code 19 like a unique violation, but extended code 1811) is a
    /// server error, not a conflict the member could resolve by choosing another nickname.</summary>
    [Fact]
    public async Task A_profile_change_refused_by_something_else_than_a_unique_key_is_not_reported_as_nickname_taken()
    {
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(SalonApiFactory.UsesPostgres
            ? """
              CREATE OR REPLACE FUNCTION test_refuse_bio() RETURNS trigger AS $$
              BEGIN
                IF NEW."Bio" = 'refuse-me' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '23514'; END IF;
                RETURN NEW;
              END $$ LANGUAGE plpgsql;
              DROP TRIGGER IF EXISTS test_refuse_bio ON "Members";
              CREATE TRIGGER test_refuse_bio BEFORE UPDATE ON "Members" FOR EACH ROW EXECUTE FUNCTION test_refuse_bio();
              """
            : """
              CREATE TRIGGER IF NOT EXISTS test_refuse_bio BEFORE UPDATE OF "Bio" ON "Members"
              WHEN NEW."Bio" = 'refuse-me' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
              """));
        var member = await factory.SignUpAsync(_client);

        var refused = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { nickname = member.Nickname + "x", bio = "refuse-me" });

        await refused.ShouldBe(HttpStatusCode.InternalServerError);
        Assert.Equal("server-error", (await refused.JsonAsync()).GetProperty("code").GetString());
        var accepted = await _client.SendAsAsync(member, HttpMethod.Patch, "/api/me", new { nickname = member.Nickname + "x", bio = "ok" });
        await accepted.ShouldBe(HttpStatusCode.OK);
    }

    private Task<DbUpdateException> SaveFailureAsync(Action<SalonDbContext> stage) =>
        factory.WithDbAsync(db =>
        {
            stage(db);
            return Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
}

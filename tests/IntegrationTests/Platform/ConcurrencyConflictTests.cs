using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

public sealed class ConcurrentWriterFactory : SalonApiFactory
{
    public ConcurrentWriterFactory()
    {
        ConfigureTestServices = services => ConfigureDbContext(services, options => options.AddInterceptors(Writer));
    }

    public ConcurrentWriter Writer { get; } = new();
}

/// <summary>A concurrency conflict that no handler foresaw (another writer changed the row between the read and the
/// write) is the last line of defence's: <c>409 concurrent-change</c>, "try again", never a 500 (ADR 0019, docs/adr/0046).
/// The conflict is a real one: the other writer changes the account row's concurrency stamp on the request's own
/// connection, in its transaction, just before EF Core's UPDATE, so EF Core finds no row with the stamp it read.</summary>
public sealed class ConcurrencyConflictTests(ConcurrentWriterFactory factory) : IClassFixture<ConcurrentWriterFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_row_changed_by_another_writer_between_read_and_write_answers_409_and_changes_nothing()
    {
        var member = await factory.SignUpAsync(_client);
        factory.Writer.ChangeStampBeforeNextAccountUpdate();

        var change = await _client.SendAsAsync(member, HttpMethod.Put, "/api/me/password", new { currentPassword = member.Password, newPassword = "a passphrase never stored" });

        Assert.True(factory.Writer.Fired);
        await change.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", change.Content.Headers.ContentType?.MediaType);
        var problem = await change.JsonAsync();
        Assert.Equal("concurrent-change", problem.GetProperty("code").GetString());
        Assert.Equal("urn:salon:problem:concurrent-change", problem.GetProperty("type").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _client.LoginAsync(member.Email, member.Password);
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Exception is DbUpdateConcurrencyException);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error && e.Exception is DbUpdateConcurrencyException);
    }
}

/// <summary>Once armed, changes every account's concurrency stamp, on the same connection and transaction, just before
/// the next command that updates <c>AspNetUsers</c> runs.</summary>
public sealed class ConcurrentWriter : CommandObserver
{
    private int _armed;

    public bool Fired { get; private set; }

    public void ChangeStampBeforeNextAccountUpdate()
    {
        Fired = false;
        Volatile.Write(ref _armed, 1);
    }

    protected override void Observe(DbCommand command)
    {
        if (!command.CommandText.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal) || Interlocked.Exchange(ref _armed, 0) == 0)
        {
            return;
        }

        using var other = command.Connection!.CreateCommand();
        other.Transaction = command.Transaction;
        other.CommandText = "UPDATE \"AspNetUsers\" SET \"ConcurrencyStamp\" = 'changed by another writer'";
        other.ExecuteNonQuery();
        Fired = true;
    }
}

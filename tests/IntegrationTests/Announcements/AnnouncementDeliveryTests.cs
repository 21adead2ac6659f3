using System.Net;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.DeliverAnnouncementNotices;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.IntegrationTests.Meetings;

namespace Salon.IntegrationTests.Announcements;

/// <summary>An announcement's notices are written in batches of separate transactions (issue 15), and every member
/// is told exactly once: across a crash in the middle of a delivery and across runs at the same time.</summary>
public sealed class AnnouncementDeliveryTests(CrashFactory factory) : IClassFixture<CrashFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Notices_go_out_in_batches_exactly_once_per_member_across_a_crash_and_concurrent_runs()
    {
        var official = await factory.CreateOfficialAsync(_client);
        for (var i = 0; i < 9; i++)
        {
            await factory.SignUpAsync(_client);
        }

        var created = await _client.SendAsAsync(official, HttpMethod.Post, "/api/announcements", new { title = "年末のお知らせ", body = "本文", @public = false });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(0, await NoticesAsync(id));

        // A crash after some batches: what the failed batch wrote is rolled back with its mark.
        factory.Failure.FailAfter("INSERT INTO \"Notifications\"", "UPDATE \"AnnouncementDeliveries\"");
        await Assert.ThrowsAsync<InjectedFailureException>(() => factory.SendAsync(new DeliverAnnouncementNoticesCommand(BatchSize: 2)));
        Assert.True(factory.Failure.Fired);
        var afterCrash = await NoticesAsync(id);
        Assert.Equal(0, afterCrash % 2);
        Assert.InRange(afterCrash, 0, 4);

        // Two runs at once resume after the mark and share the rest.
        var runs = await Task.WhenAll(
            Task.Run(() => factory.SendAsync(new DeliverAnnouncementNoticesCommand(BatchSize: 2))),
            Task.Run(() => factory.SendAsync(new DeliverAnnouncementNoticesCommand(BatchSize: 2))));
        Assert.True(runs.Sum() >= 3);
        Assert.Equal(0, await factory.SendAsync(new DeliverAnnouncementNoticesCommand(BatchSize: 2)));

        var members = await factory.WithDbAsync(db => db.Members.CountAsync(m => m.DeletedAt == null && m.Id != official.Id));
        var perMember = await factory.WithDbAsync(db => db.Notifications
            .Where(n => n.AnnouncementId == id)
            .GroupBy(n => n.MemberId)
            .Select(g => g.Count())
            .ToListAsync());
        Assert.Equal(members, perMember.Count);
        Assert.All(perMember, count => Assert.Equal(1, count));
        Assert.NotNull(await factory.WithDbAsync(db => db.AnnouncementDeliveries.Where(d => d.AnnouncementId == id).Select(d => d.CompletedAt).SingleAsync()));
    }

    private Task<int> NoticesAsync(Guid announcementId) =>
        factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.AnnouncementId == announcementId && n.Kind == "announcement_published"));
}

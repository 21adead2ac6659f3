using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salon.Application.Members;
using Salon.Application.Members.Sessions;
using Salon.Domain.Members;

namespace Salon.Bench;

/// <summary>The HTTP bench's set-up (<c>--http-env</c>, used by bench/http.sh): the seeded database is kept
/// with a stamp of the options that made it, so later runs reuse it; each run gets a fresh session and
/// bearer token for the seeded viewer, issued through the real <see cref="SessionTokens"/> (the keys are in
/// the database, so the server accepts it).</summary>
internal static class HttpSetup
{
    /// <summary>The reply case's writers: four times bench/http.sh's 16 connections, so that a request seldom finds its
    /// member's previous one still in flight.</summary>
    private const int Writers = 64;

    public static string StampPath(BenchOptions options) => options.Database + ".seed.env";

    private static string Header(BenchOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"SEEDED_WITH='--topics {options.Topics} --replies-per-topic {options.RepliesPerTopic} --members {options.Members} --hot-replies {options.HotTopicReplies} --seed {options.Seed}'\n");

    public static bool CanReuse(BenchOptions options) =>
        options.HttpEnv is not null
        && File.Exists(options.Database)
        && File.Exists(StampPath(options))
        && File.ReadAllText(StampPath(options)).StartsWith(Header(options), StringComparison.Ordinal);

    /// <summary>Written only after seeding finished, so an interrupted seed is never reused.</summary>
    public static void WriteStamp(BenchOptions options, SeedSummary seed) =>
        File.WriteAllText(StampPath(options), Header(options) + string.Create(
            CultureInfo.InvariantCulture,
            $"VIEWER={seed.ViewerId}\nHOT_TOPIC={seed.HotTopicId}\nBOARD={seed.BoardSlugs[0]}\n"));

    public static async Task<int> WriteEnvAsync(IServiceProvider services, BenchOptions options, TextWriter log)
    {
        var stamp = await File.ReadAllTextAsync(StampPath(options));
        var viewer = Guid.Parse(stamp.Split('\n').Single(l => l.StartsWith("VIEWER=", StringComparison.Ordinal))["VIEWER=".Length..]);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IMembersDb>();
        var tokens = scope.ServiceProvider.GetRequiredService<SessionTokens>().StartSession(viewer);
        await db.SaveChangesAsync();
        var session = db.MemberSessions.Local.Single().Id;

        // The writers of the reply case by members (bench/reply.lua with WRK_TOKENS): active members, each with a session
        // of their own, so that writers seldom queue on one member's row lock.
        var writerIds = await db.Members.AsNoTracking()
            .Where(m => m.Id != viewer && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Writers)
            .ToListAsync();
        var writers = new List<(Guid Member, MemberSession Session, string Token)>();
        foreach (var writer in writerIds)
        {
            var writerTokens = scope.ServiceProvider.GetRequiredService<SessionTokens>().StartSession(writer);
            writers.Add((writer, db.MemberSessions.Local.Single(s => s.MemberId == writer), writerTokens.AccessToken));
        }

        await db.SaveChangesAsync();
        var writerLines = string.Join(',', writers.Select(w => w.Token));
        var writerSessions = string.Join(',', writers.Select(w => $"{w.Member}:{w.Session.Id}"));
        await File.WriteAllTextAsync(
            options.HttpEnv!,
            stamp + $"SESSION_ID={session}\nTOKEN={tokens.AccessToken}\nWRITER_TOKENS={writerLines}\nWRITER_SESSIONS={writerSessions}\n");
        log.WriteLine($"[bench] wrote {options.HttpEnv}");
        return 0;
    }
}

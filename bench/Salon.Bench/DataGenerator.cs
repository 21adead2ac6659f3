using System.Buffers.Binary;

namespace Salon.Bench;

/// <summary>The shape of the community, decided before anything is written: who posts where and when,
/// who replies, reacts, reads, follows and blocks. Deterministic for a given seed. Text is generated
/// later, while inserting (<see cref="BulkSeeder"/>).</summary>
internal sealed class DataGenerator
{
    /// <summary>Seeded data ends here; "now" for the bench's data.</summary>
    public static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly TimeSpan TopicSpan = TimeSpan.FromDays(3 * 365);

    /// <summary>Share of topics per default board, in the seeder's SortOrder (parents … chat).</summary>
    private static readonly double[] BoardWeights = [0.28, 0.12, 0.08, 0.10, 0.10, 0.08, 0.07, 0.17];

    private const int MonologueBoard = 5;

    private readonly Random _random;
    private readonly BenchOptions _options;

    public DataGenerator(BenchOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        Generate();
    }

    public List<MemberSeed> Members { get; } = [];

    public List<TopicSeed> Topics { get; } = [];

    public List<ReplySeed> Replies { get; } = [];

    public List<ReactionSeed> Reactions { get; } = [];

    public List<(int Topic, int Member, DateTime At)> Reads { get; } = [];

    public List<(int Topic, int Member, DateTime At)> Follows { get; } = [];

    public List<(int Topic, int Member, DateTime At)> Bookmarks { get; } = [];

    public List<(int Blocker, int Blocked, DateTime At)> Blocks { get; } = [];

    /// <summary>The member every query is sent as: reads some topics, blocks a few busy authors.</summary>
    public int Viewer { get; private set; }

    /// <summary>The long thread (in the parents board) used for the topic view.</summary>
    public int HotTopic { get; private set; }

    /// <summary>A UUIDv7 (time-ordered, as <c>Guid.CreateVersion7</c> makes) from the seeded generator.</summary>
    public static Guid Version7(DateTime at, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = (ulong)(at - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
        Span<byte> stamp = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(stamp, milliseconds);
        stamp[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random UUID (version 4, as <c>Member.NewId</c> makes a member's id; docs/adr/0058) from the seeded
    /// generator: the same 16 bytes drawn as <see cref="Version7"/> draws.</summary>
    public static Guid Version4(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private void Generate()
    {
        GenerateMembers();
        GenerateTopics();
        GenerateReplies();
        GenerateReactions();
        GenerateReadsFollowsBookmarks();
        GenerateBlocks();
    }

    private void GenerateMembers()
    {
        var count = _options.Members;
        for (var i = 0; i < count; i++)
        {
            var created = Now - TopicSpan - TimeSpan.FromDays(365) + TimeSpan.FromDays(_random.NextDouble() * 365);
            Members.Add(new MemberSeed(
                Version4(_random),
                i,
                FamilyPositions: 1 << _random.Next(6),
                IsOfficial: i == 1,
                IsDeleted: i > 10 && _random.NextDouble() < 0.02,
                created));
        }

        Viewer = count / 2;
    }

    private void GenerateTopics()
    {
        var offsets = new double[_options.Topics];
        for (var i = 0; i < offsets.Length; i++)
        {
            // sqrt: the community grows, so recent months are busier.
            offsets[i] = Math.Sqrt(_random.NextDouble());
        }

        Array.Sort(offsets);
        var start = Now - TopicSpan;
        foreach (var offset in offsets)
        {
            var created = start + TimeSpan.FromTicks((long)(TopicSpan.Ticks * offset));
            var board = WeightedBoard();
            var author = Author();
            var visibility = _random.NextDouble() switch { < 0.008 => 1, < 0.011 => 2, _ => 0 };
            var deleted = _random.NextDouble() < 0.005 ? Min(created.AddDays(1), Now) : (DateTime?)null;
            var tags = new List<int>();
            var tagCount = _random.Next(5) switch { 0 => 0, 1 or 2 => 1, 3 => 2, _ => 3 };
            while (tags.Count < tagCount)
            {
                var tag = _random.Next(9);
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }

            Topics.Add(new TopicSeed
            {
                Id = Version7(created, _random),
                Board = board,
                Author = author,
                CreatedAt = created,
                LastActivityAt = created,
                IsAnonymous = _random.NextDouble() < 0.25,
                RepliesWelcome = board != MonologueBoard,
                ContentWarning = _random.NextDouble() < 0.03 ? "自傷の話題を含みます" : null,
                IsClosed = _random.NextDouble() < 0.01,
                Visibility = visibility,
                AuthorDeparted = Members[author].IsDeleted,
                EditedAt = _random.NextDouble() < 0.05 ? Min(created.AddHours(1), Now) : null,
                DeletedAt = deleted,
                Tags = tags,
            });
        }

        // The long thread: a recent, visible topic on the parents board.
        HotTopic = Topics.FindLastIndex(t => t.Board == 0 && t.DeletedAt is null && t.Visibility == 0 && t.CreatedAt < Now.AddDays(-20));
        if (HotTopic < 0)
        {
            HotTopic = 0;
        }

        var hot = Topics[HotTopic];
        hot.Board = 0;
        hot.Visibility = 0;
        hot.DeletedAt = null;
        hot.RepliesWelcome = true;
        hot.IsClosed = false;
        if (hot.Author == Viewer)
        {
            hot.Author = 2;
        }
    }

    private void GenerateReplies()
    {
        for (var t = 0; t < Topics.Count; t++)
        {
            var topic = Topics[t];
            if (!topic.RepliesWelcome || topic.DeletedAt is not null)
            {
                continue;
            }

            var hot = t == HotTopic;
            var count = hot ? _options.HotTopicReplies : Poisson(_options.RepliesPerTopic);
            var at = topic.CreatedAt;
            for (var i = 0; i < count; i++)
            {
                at += TimeSpan.FromHours(Exponential(hot ? 0.8 : 18));
                if (at >= Now)
                {
                    break;
                }

                var author = _random.NextDouble() < 0.3 ? topic.Author : Author();
                var reply = new ReplySeed
                {
                    Id = Version7(at, _random),
                    Topic = t,
                    Author = author,
                    CreatedAt = at,
                    IsAnonymous = _random.NextDouble() < 0.15,
                    Visibility = _random.NextDouble() < 0.005 ? 1 : 0,
                    AuthorDeparted = Members[author].IsDeleted,
                    EditedAt = _random.NextDouble() < 0.03 ? at.AddMinutes(10) : null,
                    DeletedAt = _random.NextDouble() < 0.01 ? at.AddHours(2) : null,
                };
                Replies.Add(reply);
                if (reply.DeletedAt is null && reply.Visibility == 0)
                {
                    topic.ReplyCount++;
                    // As PostCounters counts (docs/adr/0041): the author's own reply is left out only when both are named.
                    if (author != topic.Author || topic.IsAnonymous || reply.IsAnonymous)
                    {
                        topic.OthersReplyCount++;
                    }

                    topic.LastActivityAt = Max(topic.LastActivityAt, at);
                }
            }
        }

        Replies.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
    }

    private void GenerateReactions()
    {
        var taken = new HashSet<(Guid, int, int)>();
        void React(Guid postId, int postKind, int topic, int member, int kind, DateTime at, int[] counts)
        {
            if (taken.Add((postId, member, kind)))
            {
                Reactions.Add(new ReactionSeed(Version7(at, _random), postId, postKind, topic, member, kind, at));
                counts[kind]++;
            }
        }

        for (var t = 0; t < Topics.Count; t++)
        {
            var topic = Topics[t];
            var n = Poisson(1.0);
            for (var i = 0; i < n; i++)
            {
                React(topic.Id, 0, t, Author(), Kind(), Min(topic.CreatedAt.AddHours(1 + i), Now), topic.Counts);
            }
        }

        foreach (var reply in Replies)
        {
            var n = Poisson(0.3);
            for (var i = 0; i < n; i++)
            {
                React(reply.Id, 1, reply.Topic, Author(), Kind(), Min(reply.CreatedAt.AddHours(1 + i), Now), reply.Counts);
            }
        }

        // The viewer thanked every reply on the long thread (as the statement-count test does), and relates to it.
        var hot = Topics[HotTopic];
        React(hot.Id, 0, HotTopic, Viewer, 0, hot.CreatedAt.AddHours(1), hot.Counts);
        foreach (var reply in Replies.Where(r => r.Topic == HotTopic))
        {
            React(reply.Id, 1, HotTopic, Viewer, 1, Min(reply.CreatedAt.AddMinutes(5), Now), reply.Counts);
        }
    }

    private void GenerateReadsFollowsBookmarks()
    {
        var read = new HashSet<(int, int)>();
        void Read(int topic, int member)
        {
            var t = Topics[topic];
            if (read.Add((topic, member)))
            {
                // Somewhere between creation and the last activity, so some topics have unread replies.
                var at = t.CreatedAt + TimeSpan.FromTicks((long)((t.LastActivityAt - t.CreatedAt).Ticks * _random.NextDouble()));
                Reads.Add((topic, member, at));
            }
        }

        // The viewer has opened about a third of the parents board and the long thread.
        for (var t = 0; t < Topics.Count; t++)
        {
            if (Topics[t].Board == 0 && _random.NextDouble() < 0.33)
            {
                Read(t, Viewer);
            }
        }

        Read(HotTopic, Viewer);
        for (var m = 0; m < Members.Count; m++)
        {
            for (var i = 0; i < 50; i++)
            {
                Read(_random.Next(Topics.Count), m);
            }
        }

        var followed = new HashSet<(int, int)>();
        var bookmarked = new HashSet<(int, int)>();
        for (var i = 0; i < 3000; i++)
        {
            var member = i < 40 ? Viewer : _random.Next(Members.Count);
            var topic = i == 0 ? HotTopic : _random.Next(Topics.Count);
            if (followed.Add((topic, member)))
            {
                Follows.Add((topic, member, Min(Topics[topic].CreatedAt.AddHours(2), Now)));
            }

            member = i < 25 ? Viewer : _random.Next(Members.Count);
            topic = i == 0 ? HotTopic : _random.Next(Topics.Count);
            if (bookmarked.Add((topic, member)))
            {
                Bookmarks.Add((topic, member, Min(Topics[topic].CreatedAt.AddHours(3), Now)));
            }
        }
    }

    private void GenerateBlocks()
    {
        var pairs = new HashSet<(int, int)>();
        void Block(int blocker, int blocked)
        {
            if (blocker != blocked && pairs.Add((blocker, blocked)))
            {
                Blocks.Add((blocker, blocked, Now.AddDays(-_random.Next(1, 400))));
            }
        }

        // The viewer blocks five busy authors, so the NOT EXISTS filter really removes rows.
        for (var m = 3; m < 8; m++)
        {
            Block(Viewer, m);
        }

        for (var i = 0; i < 300; i++)
        {
            Block(_random.Next(Members.Count), _random.Next(Members.Count));
        }
    }

    /// <summary>Skewed towards low member indexes: a few members write much of the board.</summary>
    private int Author() => (int)(Members.Count * Math.Pow(_random.NextDouble(), 1.6));

    private int WeightedBoard()
    {
        var u = _random.NextDouble();
        for (var b = 0; b < BoardWeights.Length; b++)
        {
            u -= BoardWeights[b];
            if (u < 0)
            {
                return b;
            }
        }

        return BoardWeights.Length - 1;
    }

    private int Kind() => _random.NextDouble() switch { < 0.5 => 0, < 0.8 => 1, _ => 2 };

    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _random.NextDouble();
        }

        return k;
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

internal sealed record MemberSeed(Guid Id, int Index, int FamilyPositions, bool IsOfficial, bool IsDeleted, DateTime CreatedAt);

internal sealed class TopicSeed
{
    public Guid Id { get; init; }

    public int Board { get; set; }

    public int Author { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastActivityAt { get; set; }

    public bool IsAnonymous { get; init; }

    public bool RepliesWelcome { get; set; }

    public string? ContentWarning { get; init; }

    public bool IsClosed { get; set; }

    public int Visibility { get; set; }

    public bool AuthorDeparted { get; init; }

    public DateTime? EditedAt { get; init; }

    public DateTime? DeletedAt { get; set; }

    public int ReplyCount { get; set; }

    public int OthersReplyCount { get; set; }

    /// <summary>Relate, thanks, support.</summary>
    public int[] Counts { get; } = new int[3];

    public required List<int> Tags { get; init; }
}

internal sealed class ReplySeed
{
    public Guid Id { get; init; }

    public int Topic { get; init; }

    public int Author { get; init; }

    public DateTime CreatedAt { get; init; }

    public bool IsAnonymous { get; init; }

    public int Visibility { get; init; }

    public bool AuthorDeparted { get; init; }

    public DateTime? EditedAt { get; init; }

    public DateTime? DeletedAt { get; init; }

    public int[] Counts { get; } = new int[3];
}

internal sealed record ReactionSeed(Guid Id, Guid PostId, int PostKind, int Topic, int Member, int Kind, DateTime CreatedAt);

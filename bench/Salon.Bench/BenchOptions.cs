using System.Globalization;

namespace Salon.Bench;

/// <summary>Command-line options: <c>--topics 100000 --replies-per-topic 3 --db /tmp/salon-bench.db</c>.</summary>
internal sealed record BenchOptions
{
    public int Topics { get; init; } = 100_000;

    public double RepliesPerTopic { get; init; } = 3;

    public int Members { get; init; } = 400;

    /// <summary>Replies on the one long thread the topic view is measured on.</summary>
    public int HotTopicReplies { get; init; } = 600;

    public string Database { get; init; } = Path.Combine(Path.GetTempPath(), "salon-bench.db");

    /// <summary>Timed runs per case (the report gives their median); warm-up runs are not timed.</summary>
    public int Runs { get; init; } = 20;

    public int Warmup { get; init; } = 3;

    public int Seed { get; init; } = 20261127;

    /// <summary>When above zero, run the digest benchmark with this many members instead of the query bench.</summary>
    public int DigestMembers { get; init; }

    public int DigestBatch { get; init; } = 500;

    /// <summary>With <see cref="DigestMembers"/>: time only the announcement (its delivery transactions), not the digest run.</summary>
    public bool AnnouncementOnly { get; init; }

    /// <summary>When set (bench/http.sh): seed only when the database and its stamp do not match these
    /// options, issue a bearer token for the seeded viewer, write shell variables to this file and stop.</summary>
    public string? HttpEnv { get; init; }

    public const string Usage = """
        Salon.Bench: seeds a fresh SQLite database through the real migrations, then prints the SQL,
        EXPLAIN QUERY PLAN and timings of the topic list, topic view and search queries as Markdown.

          --topics N              topics to seed (default 100000)
          --replies-per-topic M   mean replies per topic, Poisson (default 3)
          --members N             members (default 400)
          --hot-replies N         replies on the long thread used for the topic view (default 600)
          --db PATH               database file, deleted and recreated (default $TMPDIR/salon-bench.db)
          --runs N                timed runs per query (default 20)
          --warmup N              untimed runs per query first (default 3)
          --seed N                random seed (default 20261127)
          --digest-members N      instead: seed N members with follows and a month of activity and time
                                  one digest run (bench/digest.sh)
          --digest-batch N        members per digest batch (default 500)
          --only announcement     with --digest-members: time only publishing one announcement and
                                  delivering its notices (every delivery transaction), not the digest run
          --http-env FILE         instead (bench/http.sh): reuse the database when its stamp (PATH.seed.env)
                                  matches, else seed it; issue a token for the seeded viewer and write
                                  TOKEN, SESSION_ID, VIEWER, HOT_TOPIC,
                                  BOARD as shell variables to FILE
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.\n\n{Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--topics" => options with { Topics = PositiveInt(name, value) },
                "--replies-per-topic" => options with { RepliesPerTopic = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--members" => options with { Members = Math.Max(20, PositiveInt(name, value)) },
                "--hot-replies" => options with { HotTopicReplies = PositiveInt(name, value) },
                "--db" => options with { Database = Path.GetFullPath(value) },
                "--runs" => options with { Runs = PositiveInt(name, value) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--digest-members" => options with { DigestMembers = PositiveInt(name, value) },
                "--digest-batch" => options with { DigestBatch = PositiveInt(name, value) },
                "--only" when value == "announcement" => options with { AnnouncementOnly = true },
                "--http-env" => options with { HttpEnv = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {name}.\n\n{Usage}"),
            };
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}

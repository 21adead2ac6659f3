namespace Salon.WebApi.Cli;

/// <summary>The options of one data verb, parsed strictly: every option must be known, every option that takes a
/// value must have one, and nothing else may follow the verb.</summary>
internal sealed class VerbArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private VerbArguments()
    {
    }

    public bool Help { get; private init; }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>Parses <paramref name="args"/> after the verb, or returns the reason it cannot.</summary>
    public static (VerbArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            return (new VerbArguments { Help = true }, null);
        }

        var parsed = new VerbArguments();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (flagOptions.Contains(name))
            {
                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return (null, $"{name} needs a value.");
                }

                parsed._values[name] = args[++i];
            }
            else
            {
                return (null, $"Unknown option '{name}'.");
            }
        }

        return (parsed, null);
    }
}

namespace Salon.WebApi.Cli;

/// <summary>The program's command line: no verb starts the web API (its arguments are configuration, as
/// <c>--Key value</c> or <c>--Key=value</c>); <c>create-admin</c>, which must come first, runs the verb; <c>--help</c>
/// prints <see cref="Usage"/>. Anything else (an unknown option, a stray word, a verb out of place) is an
/// <see cref="Error"/>: the program prints it with the usage and exits with 2, before anything starts.</summary>
internal sealed record CommandLine(string? Verb, IReadOnlyDictionary<string, string?> Options, bool Help, string? Error)
{
    public const string CreateAdmin = "create-admin";

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "help"];

    /// <summary>The options of create-admin; true when the option takes a value.</summary>
    private static readonly Dictionary<string, bool> CreateAdminOptions = new(StringComparer.Ordinal)
    {
        ["--email"] = true,
        ["--nickname"] = true,
        ["--password-stdin"] = false,
    };

    public static string Usage { get; } = """
        Usage:
          Salon.WebApi [--Section:Key value ...]     start the web API; arguments are configuration settings
                                                     (e.g. --urls http://0.0.0.0:8080; see docs/configuration.md)
          Salon.WebApi create-admin --email ADDRESS --nickname NAME [--password-stdin]
          Salon.WebApi --help

        Verbs (first argument only):
          create-admin       create a staff account with the admin and official roles, or give them to an existing
                             account; same configuration and database as the server (migrations are applied first)

        Options of create-admin:
          --email ADDRESS    the account's e-mail address (required)
          --nickname NAME    the staff nickname members see (required)
          --password-stdin   read the password from standard input; otherwise it comes from the environment
                             variable SALON_ADMIN_PASSWORD, or is asked for at the terminal without echo.
                             The password is never taken from the command line.
          --help             this text
        """;

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Flag(string name) => Options.ContainsKey(name);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        return args.Count > 0 && args[0] == CreateAdmin ? ParseCreateAdmin(args) : ParseServer(args);
    }

    private static Dictionary<string, string?> Empty => new(StringComparer.Ordinal);

    private static CommandLine Fail(string error) => new(null, Empty, false, error);

    private static CommandLine HelpFor(string? verb) => new(verb, Empty, true, null);

    private static bool IsHelp(string arg) => HelpSwitches.Contains(arg, StringComparer.Ordinal);

    /// <summary>Server arguments are configuration: <c>--Key value</c>, <c>--Key=value</c>, <c>/Key value</c> or <c>Key=value</c>.</summary>
    private static CommandLine ParseServer(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsHelp(arg))
            {
                return HelpFor(null);
            }

            if (arg == CreateAdmin)
            {
                return Fail($"'{CreateAdmin}' must be the first argument (it was argument {i + 1}); nothing was started.");
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/'))
            {
                if (arg.TrimStart('-', '/').Length == 0 || arg.StartsWith("--=", StringComparison.Ordinal))
                {
                    return Fail($"'{arg}' is not a setting (expected --Section:Key value).");
                }

                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    if (i + 1 >= args.Count)
                    {
                        return Fail($"The setting '{arg}' has no value.");
                    }

                    i++;
                }

                continue;
            }

            if (arg.StartsWith('-'))
            {
                return Fail($"Unknown option '{arg}'.");
            }

            if (!arg.Contains('=', StringComparison.Ordinal) || arg.StartsWith('='))
            {
                return Fail($"Unknown verb or argument '{arg}'. The only verb is '{CreateAdmin}'.");
            }
        }

        return new CommandLine(null, Empty, false, null);
    }

    private static CommandLine ParseCreateAdmin(IReadOnlyList<string> args)
    {
        var options = Empty;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] && arg.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (IsHelp(name))
            {
                return HelpFor(CreateAdmin);
            }

            if (name == CreateAdmin)
            {
                return Fail($"'{CreateAdmin}' is given twice.");
            }

            if (name == "--password")
            {
                return Fail("Unknown option '--password': the password is never taken from the command line. "
                    + "Set SALON_ADMIN_PASSWORD, pipe it with --password-stdin, or type it when asked.");
            }

            if (!CreateAdminOptions.TryGetValue(name, out var takesValue))
            {
                return Fail(name.StartsWith('-') ? $"Unknown option '{name}' for {CreateAdmin}." : $"Unexpected argument '{arg}' for {CreateAdmin}.");
            }

            if (options.ContainsKey(name))
            {
                return Fail($"The option '{name}' is given twice.");
            }

            if (!takesValue)
            {
                if (inline is not null)
                {
                    return Fail($"The option '{name}' takes no value.");
                }

                options[name] = null;
                continue;
            }

            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Fail($"The option '{name}' needs a value.");
            }

            options[name] = value;
        }

        foreach (var required in new[] { "--email", "--nickname" })
        {
            if (!options.ContainsKey(required))
            {
                return Fail($"{CreateAdmin} needs {required}.");
            }
        }

        return new CommandLine(CreateAdmin, options, false, null);
    }
}

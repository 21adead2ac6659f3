using Salon.Infrastructure.Persistence;

namespace Salon.WebApi.Cli;

/// <summary>The verbs that copy the database: <c>backup</c>, <c>restore</c> and <c>move-to-postgres</c>. They read
/// the same configuration as the server but run before start-up initialisation, so they never migrate or seed the
/// database they are about to copy or replace (a restore must work on a damaged or missing database).</summary>
internal static class DataVerbs
{
    /// <summary>Name and one-line summary of each verb, for the CLI's help.</summary>
    public static readonly IReadOnlyList<(string Name, string Summary)> Verbs =
    [
        (BackupVerb.Name, "copy the SQLite database while Salon runs, and check the copy (PostgreSQL: prints the pg_dump command)"),
        (RestoreVerb.Name, "put a checked backup back in place, Salon stopped (PostgreSQL: prints the pg_restore command)"),
        (MoveToPostgresVerb.Name, "copy a SQLite community into a PostgreSQL database, resumable, and verify it"),
    ];

    public static bool IsInvoked(string[] args) => args.Length > 0 && Verbs.Any(v => v.Name == args[0]);

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(object? sender, ConsoleCancelEventArgs e)
        {
            // Stop after the current statement: a backup leaves no file, a move resumes on the next run.
            e.Cancel = true;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += Cancel;
        try
        {
            return args[0] switch
            {
                BackupVerb.Name => await BackupVerb.RunAsync(configuration, args, Console.Out, Console.Error, cancellation.Token),
                RestoreVerb.Name => await RestoreVerb.RunAsync(configuration, args, Console.Out, Console.Error, TimeProvider.System, cancellation.Token),
                _ => await MoveToPostgresVerb.RunAsync(configuration, args, Console.Out, Console.Error, cancellation.Token),
            };
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= Cancel;
        }
    }

    /// <summary>The Database section as the server reads it.</summary>
    public static DatabaseOptions Database(IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    /// <summary>Parses the verb's options. Exit is 0 after printing the usage for <c>--help</c>, 2 after printing the
    /// problem and the usage, and null when the verb should run (then <paramref name="required"/> has a value).</summary>
    public static async Task<(VerbArguments Arguments, string Required, int? Exit)> ParseAsync(
        IReadOnlyList<string> args, string usage, string required, string[] valueOptions, string[] flagOptions, TextWriter output, TextWriter error)
    {
        var (arguments, problem) = VerbArguments.Parse(args, [required, .. valueOptions], flagOptions);
        if (arguments is { Help: true })
        {
            await output.WriteLineAsync(usage);
            return (arguments, "", 0);
        }

        if (arguments?.Value(required) is { Length: > 0 } value)
        {
            return (arguments, value, null);
        }

        return (arguments!, "", await UsageAsync(error, usage, problem ?? $"{required} is required."));
    }

    public static async Task<int> UsageAsync(TextWriter error, string usage, string? problem)
    {
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync();
        }

        await error.WriteLineAsync(usage);
        return 2;
    }

    /// <summary>On PostgreSQL the backup verbs only say which command to run: 3, nothing done.</summary>
    public static async Task<int> PrintPostgresCommandAsync(TextWriter output, string lead, string command)
    {
        await output.WriteLineAsync(lead);
        await output.WriteLineAsync();
        await output.WriteLineAsync("  " + command);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Nothing was done by Salon.");
        return 3;
    }
}

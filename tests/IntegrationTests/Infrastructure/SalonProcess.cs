using System.Diagnostics;

namespace Salon.IntegrationTests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real program (<c>dotnet Salon.WebApi.dll …</c>) as an operator would, for what only a process
/// shows: its command line, what it prints and its exit code.</summary>
public static class SalonProcess
{
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var folder = NewFolder();
        var start = StartInfo(folder, args, environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Salon.WebApi.dll {string.Join(' ', args)} did not exit: {await output}{await error}");
        }

        var result = new ProcessResult(process.ExitCode, await output, await error);
        DeleteFolder(folder);
        return result;
    }

    /// <summary>Starts the web API on a free loopback port, on a copy of the migrated template database (a restart, not a
    /// first start), and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<RunningSalon> StartServerAsync(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var folder = NewFolder();
        File.Copy(DatabaseTemplate.SqliteFile(), Path.Combine(folder, "salon.db"));
        var port = TestSmtpServer.FreePort();
        var start = StartInfo(folder, [], environment);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var running = new RunningSalon(process, new Uri($"http://127.0.0.1:{port}"), () => DeleteFolder(folder));
        // The first answer builds every endpoint and may take long on a loaded machine.
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                running.Dispose();
                throw new InvalidOperationException($"The server exited ({process.ExitCode}): {await output}{await error}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(running.Address, "/health/ready"))).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        running.Dispose();
        throw new TimeoutException("The server did not answer ready within 2 minutes.");
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static ProcessStartInfo StartInfo(string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Salon.WebApi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A database and mail folder of its own; nothing inherited from the test run's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("SALON_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "salon.db")}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Jobs__ServerEnabled"] = "false";
        start.Environment["Salon__PublicBaseUrl"] = "https://salon.test";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner will have it.
        }
    }
}

/// <summary>A web API process started by <see cref="SalonProcess.StartServerAsync"/>; disposing it kills it.</summary>
public sealed class RunningSalon(Process process, Uri address, Action cleanUp) : IDisposable
{
    public Process Process { get; } = process;

    public Uri Address { get; } = address;

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
        cleanUp();
    }
}

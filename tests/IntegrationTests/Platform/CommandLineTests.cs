using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>The program's command line, run as a real process: mistakes stop before anything starts, with a clear
/// message, the usage and a non-zero exit code; <c>--help</c> lists the verbs and options.</summary>
public sealed class CommandLineTests
{
    private static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("create-admin", "--help")]
    public async Task Help_lists_the_verbs_and_their_options(params string[] args)
    {
        var result = await SalonProcess.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "create-admin", "--email", "--nickname", "--password-stdin", "SALON_ADMIN_PASSWORD", "--help" })
        {
            Assert.Contains(word, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("'--password'", "create-admin", "--email", "staff@example.org", "--nickname", "運営", "--password", "secret")]
    [InlineData("'--name'", "create-admin", "--email", "staff@example.org", "--name", "運営")]
    [InlineData("needs --nickname", "create-admin", "--email", "staff@example.org")]
    [InlineData("'--email' needs a value", "create-admin", "--nickname", "運営", "--email")]
    [InlineData("must be the first argument", "--urls", "http://127.0.0.1:0", "create-admin", "--email", "staff@example.org", "--nickname", "運営")]
    [InlineData("Unknown verb or argument 'serve'", "serve", "create-admin")]
    [InlineData("'create_admin'", "create_admin", "--email", "staff@example.org")]
    [InlineData("Unknown option '-x'", "-x")]
    public async Task Unknown_options_and_misplaced_verbs_stop_with_a_message_and_exit_2(string expected, params string[] args)
    {
        var result = await SalonProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Create_admin_with_its_options_in_any_order_creates_the_account()
    {
        var result = await SalonProcess.RunAsync(
            ["create-admin", "--nickname", "サロン運営", "--email=staff@example.org"],
            new Dictionary<string, string?> { ["SALON_ADMIN_PASSWORD"] = "a long staff passphrase" });

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Created admin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_development_settings_prints_what_to_fix_and_exits_non_zero_without_a_stack_trace()
    {
        var result = await SalonProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Salon__PublicBaseUrl"] = "http://localhost:5000",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Salon will not start in Production", result.Error, StringComparison.Ordinal);
        foreach (var setting in new[] { "Salon:PublicBaseUrl", "Email:SmtpHost", "Email:FromAddress" })
        {
            Assert.Contains(setting, result.Error, StringComparison.Ordinal);
        }

        AssertNoStackTrace(result);
    }
}

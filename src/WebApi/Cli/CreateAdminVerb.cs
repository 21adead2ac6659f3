using Mediator;
using Salon.Application.Members.CreateAdmin;

namespace Salon.WebApi.Cli;

/// <summary><c>dotnet run --project src/WebApi -- create-admin --email … --nickname …</c> (options checked by
/// <see cref="CommandLine"/>).
/// The password is read from SALON_ADMIN_PASSWORD, from standard input (<c>--password-stdin</c>),
/// or asked for at the terminal without echo. It is never taken from the command line.</summary>
internal static class CreateAdminVerb
{
    public static async Task<int> RunAsync(WebApplication app, CommandLine command)
    {
        var email = command.Option("--email")!;
        var nickname = command.Option("--nickname")!;
        var password = Environment.GetEnvironmentVariable("SALON_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            password = command.Flag("--password-stdin") || Console.IsInputRedirected
                ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n')
                : ReadHidden("Password (8+ characters): ");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            var result = await mediator.Send(new CreateAdminCommand(email, nickname, password ?? string.Empty));
            Console.WriteLine(result.Created
                ? $"Created admin {result.MemberId}. Sign in with POST /api/auth/login."
                : $"Granted admin to the existing account {result.MemberId}.");
            return 0;
        }
        catch (FluentValidation.ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            return 1;
        }
        catch (Domain.Common.SalonException ex)
        {
            await Console.Error.WriteLineAsync(ex.Text.Current);
            return 1;
        }
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return buffer.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
            {
                buffer.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
    }
}

using System.Globalization;
using FluentValidation;
using Salon.Application.Common.Behaviors;
using Salon.Application.Members.Register;

namespace Salon.UnitTests.Application;

public sealed class ValidationTests
{
    private static RegisterCommand Invalid() => new("nope", "short", "運営", ["cousin"], AcceptTerms: false, ConsentSensitiveInfo: true);

    [Fact]
    public async Task The_validation_behaviour_stops_an_invalid_command_before_its_handler()
    {
        var behaviour = new ValidationBehavior<RegisterCommand, RegisterResult>([new RegisterCommandValidator()]);
        var handlerRan = false;

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(
            Invalid(),
            (_, _) =>
            {
                handlerRan = true;
                return ValueTask.FromResult(new RegisterResult(Guid.Empty, string.Empty, true));
            },
            CancellationToken.None));

        Assert.False(handlerRan);
        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(RegisterCommand.Nickname));
        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(RegisterCommand.AcceptTerms));
        Assert.DoesNotContain(ex.Errors, e => e.PropertyName == nameof(RegisterCommand.ConsentSensitiveInfo));
    }

    [Fact]
    public async Task A_valid_command_reaches_its_handler()
    {
        var behaviour = new ValidationBehavior<RegisterCommand, RegisterResult>([new RegisterCommandValidator()]);
        var command = new RegisterCommand("hana@example.com", "correct horse battery", "はな", ["sibling"], true, true);
        var result = await behaviour.Handle(command, (_, _) => ValueTask.FromResult(new RegisterResult(Guid.Empty, "はな", true)), CancellationToken.None);
        Assert.Equal("はな", result.Nickname);
    }

    [Theory]
    [InlineData("ja", "利用規約への同意が必要です。")]
    [InlineData("en", "You must accept the terms.")]
    public void Messages_follow_the_request_language(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var result = new RegisterCommandValidator().Validate(Invalid());
            Assert.Equal(expected, result.Errors.Single(e => e.PropertyName == nameof(RegisterCommand.AcceptTerms)).ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

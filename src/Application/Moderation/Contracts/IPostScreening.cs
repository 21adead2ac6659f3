namespace Salon.Application.Moderation.Contracts;

/// <summary>Screens text before it is posted: the crisis lexicon and the watched words. Modules that
/// accept text call it, refuse blocked text, hold what must be held, and return <see cref="SupportDto"/>.</summary>
public interface IPostScreening
{
    Task<ScreeningResult> ScreenAsync(string text, CancellationToken cancellationToken);
}

using FluentValidation;
using Mediator;
using Salon.Application.Moderation.Contracts;

namespace Salon.Application.Moderation.ScreenText;

/// <summary>POST /api/safety/screen: lets a client signpost help while a post is still a draft. Nothing is stored.</summary>
public sealed record ScreenTextQuery(string Text) : IQuery<ScreenTextResult>;

public sealed class ScreenTextQueryValidator : AbstractValidator<ScreenTextQuery>
{
    public ScreenTextQueryValidator() => RuleFor(q => q.Text).NotNull().MaximumLength(20_000);
}

public sealed class ScreenTextQueryHandler(IPostScreening screening) : IQueryHandler<ScreenTextQuery, ScreenTextResult>
{
    public async ValueTask<ScreenTextResult> Handle(ScreenTextQuery query, CancellationToken cancellationToken)
    {
        var result = await screening.ScreenAsync(query.Text ?? string.Empty, cancellationToken);
        return new ScreenTextResult(result.Crisis, result.Support);
    }
}

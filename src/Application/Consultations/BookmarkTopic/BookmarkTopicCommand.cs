using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.BookmarkTopic;

/// <summary>PUT /api/topics/{id}/bookmark. Idempotent.</summary>
public sealed record BookmarkTopicCommand(Guid MemberId, Guid TopicId) : ICommand;

public sealed class BookmarkTopicCommandValidator : AbstractValidator<BookmarkTopicCommand>
{
    public BookmarkTopicCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class BookmarkTopicCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<BookmarkTopicCommand>
{
    public async ValueTask<Unit> Handle(BookmarkTopicCommand command, CancellationToken cancellationToken)
    {
        await ConsultationRules.EnsureVisibleTopicAsync(db, directory, command.TopicId, command.MemberId, cancellationToken);

        await MemberTopicRows.AddOnceAsync(
            db,
            directory,
            command.MemberId,
            db.TopicBookmarks,
            b => b.TopicId == command.TopicId && b.MemberId == command.MemberId,
            () => new TopicBookmark(command.TopicId, command.MemberId, time.UtcNow()),
            cancellationToken);
        return Unit.Value;
    }
}

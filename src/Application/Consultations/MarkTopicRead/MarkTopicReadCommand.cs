using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Consultations.Rules;
using Salon.Application.Consultations.Writes;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.MarkTopicRead;

/// <summary>PUT /api/topics/{id}/read: everything in the topic up to now is read. Lists then count only
/// newer replies as unread. Idempotent; the mark never moves backwards.</summary>
public sealed record MarkTopicReadCommand(Guid MemberId, Guid TopicId) : ICommand;

public sealed class MarkTopicReadCommandValidator : AbstractValidator<MarkTopicReadCommand>
{
    public MarkTopicReadCommandValidator() => RuleFor(c => c.TopicId).NotEmpty();
}

public sealed class MarkTopicReadCommandHandler(IConsultationsDb db, IMemberDirectory directory, TimeProvider time) : ICommandHandler<MarkTopicReadCommand>
{
    public async ValueTask<Unit> Handle(MarkTopicReadCommand command, CancellationToken cancellationToken)
    {
        await ConsultationRules.EnsureVisibleTopicAsync(db, directory, command.TopicId, command.MemberId, cancellationToken);

        await MemberTopicRows.WriteAsync(
            db,
            directory,
            command.MemberId,
            async ct =>
            {
                var now = time.UtcNow();
                var read = await db.TopicReads.SingleOrDefaultAsync(r => r.TopicId == command.TopicId && r.MemberId == command.MemberId, ct);
                if (read is null)
                {
                    db.TopicReads.Add(new TopicRead(command.TopicId, command.MemberId, now));
                }
                else
                {
                    read.ReadAt(now);
                }
            },
            cancellationToken);
        return Unit.Value;
    }
}

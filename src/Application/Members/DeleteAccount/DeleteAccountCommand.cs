using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Persistence;
using Salon.Application.Common.Time;
using Salon.Application.Members.ChangePassword;
using Salon.Domain.Common;
using Salon.Domain.Members.Events;
using Salon.Domain.Members;

namespace Salon.Application.Members.DeleteAccount;

/// <summary>DELETE /api/me. The member is deleted and every module handles <see cref="Domain.Members.Events.MemberDeleted"/>
/// for its own data, in the same transaction.</summary>
public sealed record DeleteAccountCommand(Guid MemberId, string Password, string ContentHandling) : ICommand;

public sealed class DeleteAccountCommandValidator : AbstractValidator<DeleteAccountCommand>
{
    public static readonly string[] ContentHandlings = ["delete", "anonymize"];

    public DeleteAccountCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.Password).NotEmpty();
        RuleFor(c => c.ContentHandling).Must(h => ContentHandlings.Contains(h))
            .WithMessage(_ => new LocalizedText(
                "投稿の扱いは delete（削除）または anonymize（匿名化して残す）から選んでください。",
                "Content handling must be delete or anonymize.").Current);
    }
}

public sealed class DeleteAccountCommandHandler(IMembersDb db, IIdentityService identity, TimeProvider time)
    : ICommandHandler<DeleteAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(
            m => m.Id == command.MemberId && m.Status != MemberStatus.Deleted,
            cancellationToken) ?? throw SalonException.NotFound();
        if (!await identity.CheckPasswordAsync(command.MemberId, command.Password))
        {
            throw ChangePasswordCommandHandler.WrongPassword("password");
        }

        var handling = command.ContentHandling == "anonymize" ? ContentHandling.Anonymize : ContentHandling.Delete;
        member.Delete(handling, time.UtcNow());

        // The member's row lock first, as their posts, follows and bookmarks take it (docs/adr/0018): one of those
        // racing the deletion waits for it, and the two never take row locks in opposite orders.
        await db.InTransactionAsync(
            async ct =>
            {
                await MemberRowLock.AcquireAsync(db, member.Id, ct);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return Unit.Value;
    }
}

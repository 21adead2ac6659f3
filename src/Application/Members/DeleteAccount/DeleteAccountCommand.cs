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
/// for its own data, in the same transaction. Idempotent: the same deletion sent twice (the button tapped twice) is
/// accepted twice and done once (docs/adr/0046).</summary>
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
        if (await StatusAsync(command.MemberId, cancellationToken) is MemberStatus.Deleted)
        {
            return Unit.Value;
        }

        if (!await identity.CheckPasswordAsync(command.MemberId, command.Password, cancellationToken))
        {
            // Wrong, or the credentials were removed since the status was read: by the same deletion, sent twice at once.
            return await StatusAsync(command.MemberId, cancellationToken) is MemberStatus.Deleted
                ? Unit.Value
                : throw ChangePasswordCommandHandler.WrongPassword("password");
        }

        // The member's row lock first, as their posts, follows and bookmarks take it (docs/adr/0018): one of those
        // racing the deletion waits for it, and the two never take row locks in opposite orders. The member is read
        // under it, with the status checked by the database, so a deletion that committed meanwhile is not done again.
        await db.InTransactionAsync(
            async ct =>
            {
                await MemberRowLock.AcquireAsync(db, command.MemberId, ct);
                var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.Status != MemberStatus.Deleted, ct);
                if (member is null)
                {
                    return;
                }

                member.Delete(command.ContentHandling == "anonymize" ? ContentHandling.Anonymize : ContentHandling.Delete, time.UtcNow());
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return Unit.Value;
    }

    /// <summary>Not found for a member who never was.</summary>
    private async Task<MemberStatus> StatusAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => (MemberStatus?)m.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw SalonException.NotFound();
}

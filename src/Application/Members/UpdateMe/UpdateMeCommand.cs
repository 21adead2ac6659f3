using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.UpdateMe;

/// <summary>PATCH /api/me: only the fields present change.</summary>
public sealed record UpdateMeCommand(Guid MemberId, string? Nickname, IReadOnlyList<string>? FamilyPositions, string? Bio) : ICommand;

public sealed class UpdateMeCommandValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        When(c => c.Nickname is not null, () => RuleFor(c => c.Nickname!).ValidNickname());
        When(c => c.FamilyPositions is not null, () => RuleFor(c => c.FamilyPositions!).ValidFamilyPositions());
        RuleFor(c => c.Bio).MaximumLength(Member.BioMaxLength);
    }
}

public sealed class UpdateMeCommandHandler(IMembersDb db, TimeProvider time) : ICommandHandler<UpdateMeCommand>
{
    public async ValueTask<Unit> Handle(UpdateMeCommand command, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(
            m => m.Id == command.MemberId && m.Status != MemberStatus.Deleted,
            cancellationToken) ?? throw SalonException.NotFound();
        var now = time.UtcNow();
        if (command.Nickname is not null && Nickname.Normalize(command.Nickname) != member.NormalizedNickname)
        {
            await NicknameRules.EnsureAvailableAsync(db, command.Nickname, member.Id, now, cancellationToken);
        }

        if (command.Nickname is not null)
        {
            member.ChangeNickname(command.Nickname, now);
        }

        if (command.FamilyPositions is not null)
        {
            member.ChangeFamilyPositions(FamilyPositionNames.Parse(command.FamilyPositions), now);
        }

        if (command.Bio is not null)
        {
            member.ChangeBio(command.Bio, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueKeyViolation(ex))
        {
            throw NicknameRules.Taken();
        }

        return Unit.Value;
    }
}

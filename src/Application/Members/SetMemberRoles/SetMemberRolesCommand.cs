using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;
using Salon.Application.Common.Validation;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.SetMemberRoles;

/// <summary>PUT /api/admin/members/{id}/roles (admins only): the full set of roles beyond "member".</summary>
public sealed record SetMemberRolesCommand(Guid MemberId, IReadOnlyList<string> Roles) : ICommand<IReadOnlyList<string>>;

public sealed class SetMemberRolesCommandValidator : AbstractValidator<SetMemberRolesCommand>
{
    public SetMemberRolesCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.Roles).NotNull().BoundedList(MemberRoleNames.Assignable.Count + 1)
            .Must(roles => roles.All(r => r == MemberRoleNames.Member || MemberRoleNames.IsAssignable(r)))
            .WithMessage(_ => new LocalizedText(
                "ロールは member, moderator, official, admin から選んでください。",
                "Roles must be among member, moderator, official, admin.").Current);
    }
}

public sealed class SetMemberRolesCommandHandler(IMembersDb db, TimeProvider time)
    : ICommandHandler<SetMemberRolesCommand, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SetMemberRolesCommand command, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(
            m => m.Id == command.MemberId && m.Status != MemberStatus.Deleted,
            cancellationToken) ?? throw SalonException.NotFound();
        var roles = MemberRoleNames.Parse(command.Roles.Where(r => r != MemberRoleNames.Member));

        var losesAdmin = (member.Roles & MemberRoles.Admin) != 0 && (roles & MemberRoles.Admin) == 0;
        if (losesAdmin)
        {
            var otherAdmins = await db.Members.CountAsync(
                m => m.Id != member.Id && m.Status != MemberStatus.Deleted && (m.Roles & MemberRoles.Admin) != 0,
                cancellationToken);
            if (otherAdmins == 0)
            {
                throw MemberErrors.LastAdmin.Error();
            }
        }

        member.SetRoles(roles, time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return MemberRoleNames.ToNames(member.Roles);
    }
}

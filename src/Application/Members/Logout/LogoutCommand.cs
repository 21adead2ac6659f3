using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Time;

namespace Salon.Application.Members.Logout;

/// <summary>POST /api/auth/logout: revokes this session and with it every refresh token it holds.</summary>
public sealed record LogoutCommand(Guid MemberId, Guid SessionId) : ICommand;

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.SessionId).NotEmpty();
    }
}

public sealed class LogoutCommandHandler(IMembersDb db, TimeProvider time) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var session = await db.MemberSessions.SingleOrDefaultAsync(
            s => s.Id == command.SessionId && s.MemberId == command.MemberId,
            cancellationToken);
        if (session is not null)
        {
            session.Revoke("logout", time.UtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

using FluentValidation;
using Mediator;
using Salon.Application.Common.Time;
using Salon.Application.Members.Login;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.StartDashboardSession;

/// <summary>POST /hangfire/sign-in: an admin signs in to the job dashboard with e-mail and password. A
/// short session of its own (no refresh token) backs the dashboard cookie, so the usual session checks
/// (revocation, suspension, deletion, role removal) end it on the next request.</summary>
public sealed record StartDashboardSessionCommand(string Email, string Password) : ICommand<DashboardSession>;

public sealed class StartDashboardSessionCommandValidator : AbstractValidator<StartDashboardSessionCommand>
{
    public StartDashboardSessionCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1000);
    }
}

public sealed class StartDashboardSessionCommandHandler(IMembersDb db, PasswordCheck passwords, TimeProvider time)
    : ICommandHandler<StartDashboardSessionCommand, DashboardSession>
{
    /// <summary>An hour, with no refresh: the dashboard is for a look, not a working day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async ValueTask<DashboardSession> Handle(StartDashboardSessionCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var member = await passwords.CheckAsync(command.Email, command.Password, cancellationToken);
        if ((member.Roles & MemberRoles.Admin) == 0)
        {
            throw SalonException.Forbidden(new LocalizedText("管理者だけが利用できます。", "Only admins may use this."));
        }

        var session = MemberSession.Start(member.Id, now, Lifetime);
        db.MemberSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new DashboardSession(member.Id, session.Id, session.ExpiresAt);
    }
}

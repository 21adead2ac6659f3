using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Members;

namespace Salon.Application.Members.GetMe;

/// <summary>GET /api/me.</summary>
public sealed record GetMeQuery(Guid MemberId) : IQuery<MeDto>;

public sealed class GetMeQueryHandler(IMembersDb db, IIdentityService identity, IEmailDeliverability deliverability) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == query.MemberId && m.Status != MemberStatus.Deleted, cancellationToken)
            ?? throw SalonException.NotFound();
        var account = await identity.GetAccountAsync(query.MemberId, cancellationToken) ?? throw SalonException.NotFound();
        var undeliverable = await deliverability.IsUndeliverableAsync(account.Email, cancellationToken);
        return MembersMapper.ToMe(member) with
        {
            Email = account.Email,
            EmailConfirmed = account.EmailConfirmed,
            EmailUndeliverable = undeliverable,
            EmailNotice = undeliverable
                ? new LocalizedText(
                    "登録のメールアドレスにメールが届かないため、送信を止めています。設定画面からメールアドレスを確認・変更してください。",
                    "Mail to your address cannot be delivered, so Salon has stopped sending it. Please check or change your e-mail address in your settings.").Current
                : null,
        };
    }
}

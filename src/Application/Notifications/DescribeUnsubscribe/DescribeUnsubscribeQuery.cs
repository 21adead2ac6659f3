using FluentValidation;
using Mediator;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;

namespace Salon.Application.Notifications.DescribeUnsubscribe;

/// <summary>GET /api/unsubscribe?token=: what the link would stop. Changes nothing (mail scanners open links).</summary>
public sealed record DescribeUnsubscribeQuery(string Token) : IQuery<UnsubscribeInfo>;

public sealed class DescribeUnsubscribeQueryValidator : AbstractValidator<DescribeUnsubscribeQuery>
{
    public DescribeUnsubscribeQueryValidator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(100);
}

public sealed class DescribeUnsubscribeQueryHandler(INotificationsDb db, IMemberContacts contacts) : IQueryHandler<DescribeUnsubscribeQuery, UnsubscribeInfo>
{
    public async ValueTask<UnsubscribeInfo> Handle(DescribeUnsubscribeQuery query, CancellationToken cancellationToken)
    {
        var token = await UnsubscribeTokens.FindValidAsync(db, contacts, query.Token, cancellationToken);
        return new UnsubscribeInfo(
            token.Kind,
            new LocalizedText("このリンクからメールの配信を停止できます（POST で確定します）。", "This link stops these e-mails (confirm with POST).").Current);
    }
}

namespace Salon.Application.Notifications.DescribeUnsubscribe;

public sealed record UnsubscribeInfo(string Kind, string Message);

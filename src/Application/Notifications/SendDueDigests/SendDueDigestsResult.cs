namespace Salon.Application.Notifications.SendDueDigests;

/// <summary><c>Sent</c>: digests queued; <c>Empty</c>: members who were due but had nothing new (recorded, no mail).</summary>
public sealed record SendDueDigestsResult(int Sent, int Empty);

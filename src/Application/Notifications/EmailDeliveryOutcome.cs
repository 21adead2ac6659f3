
namespace Salon.Application.Notifications;

public enum EmailDeliveryOutcome
{
    Delivered,

    /// <summary>Try again later (connection refused, 4xx).</summary>
    TransientFailure,

    /// <summary>The address will never accept it (5xx on the recipient).</summary>
    PermanentFailure,
}

namespace Salon.Application.Members.Contracts;

public enum SuspendOutcome
{
    Suspended,
    NotFound,
    StaffNeedsAdmin,
    LastAdmin,
}

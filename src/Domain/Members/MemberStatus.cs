namespace Salon.Domain.Members;

public enum MemberStatus
{
    Active = 0,
    Suspended = 1,
    Deleted = 2,
}

namespace Salon.Domain.Meetings;

public enum MeetingFormat
{
    Online = 0,
    Offline = 1,
}

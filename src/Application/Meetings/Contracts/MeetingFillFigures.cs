namespace Salon.Application.Meetings.Contracts;

/// <summary>How full meetings were: seats taken (accepted applicants) over seats offered.</summary>
/// <param name="Meetings">Meetings that started in the period and were not cancelled.</param>
/// <param name="Seats">Their total capacity.</param>
/// <param name="SeatsTaken">Accepted applications among them.</param>
/// <param name="FillRate">SeatsTaken / Seats, or null when no seats were offered.</param>
public sealed record MeetingFillFigures(int Meetings, int Seats, int SeatsTaken, double? FillRate);

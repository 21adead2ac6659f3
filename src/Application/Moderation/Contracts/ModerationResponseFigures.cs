namespace Salon.Application.Moderation.Contracts;

/// <summary>How quickly moderators decided queue items.</summary>
/// <param name="Decisions">Items a moderator resolved in the period (items the system closed are not decisions).</param>
/// <param name="MedianHoursToDecision">Median hours from an item opening to its decision.</param>
public sealed record ModerationResponseFigures(int Decisions, double? MedianHoursToDecision);

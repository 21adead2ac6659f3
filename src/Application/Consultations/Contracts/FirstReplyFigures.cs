
namespace Salon.Application.Consultations.Contracts;

/// <summary>How consultations created in a period were answered.</summary>
/// <param name="Consultations">Topics that welcome replies, not deleted, whose first 24 hours are over.</param>
/// <param name="AnsweredWithin24Hours">Of those, the ones another member replied to within 24 hours.</param>
/// <param name="Answered">Topics created in the period that another member has replied to (at any time).</param>
/// <param name="MedianHoursToFirstReply">Median hours from a topic to its first reply by another member, over <paramref name="Answered"/>.</param>
public sealed record FirstReplyFigures(int Consultations, int AnsweredWithin24Hours, int Answered, double? MedianHoursToFirstReply);

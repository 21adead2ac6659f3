namespace Salon.Application.Consultations.ListBoards;

/// <summary><c>Audience</c> lists the family positions a board is for; empty means everyone.</summary>
public sealed record BoardDto(
    string Slug,
    string Name,
    string NameEn,
    string Description,
    string DescriptionEn,
    string Kind,
    string[] Audience,
    bool RepliesWelcomeByDefault,
    int TopicCount);

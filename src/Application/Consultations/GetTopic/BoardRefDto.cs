namespace Salon.Application.Consultations.GetTopic;

public sealed record BoardRefDto(string Slug, string Name, string NameEn);

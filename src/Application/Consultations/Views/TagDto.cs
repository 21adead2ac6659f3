
namespace Salon.Application.Consultations.Views;

public sealed record TagDto(string Slug, string Name, string NameEn);

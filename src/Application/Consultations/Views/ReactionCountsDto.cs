
namespace Salon.Application.Consultations.Views;

public sealed record ReactionCountsDto(int Relate, int Thanks, int Support);

namespace Salon.Application.Consultations;

public enum SearchOrder
{
    Newest,
    Relevance,
}

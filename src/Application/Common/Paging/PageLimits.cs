namespace Salon.Application.Common.Paging;

public static class PageLimits
{
    public const int Default = 20;
    public const int Max = 100;

    public static int Clamp(int? limit) => limit is null or < 1 ? Default : Math.Min(limit.Value, Max);
}


namespace Salon.Application.Common.Statistics;

/// <summary>A count for one calendar month (Asia/Tokyo).</summary>
public sealed record MonthCount(int Year, int Month, int Count);

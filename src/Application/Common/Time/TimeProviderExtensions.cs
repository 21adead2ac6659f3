namespace Salon.Application.Common.Time;

public static class TimeProviderExtensions
{
    /// <summary>Now, as a UTC <see cref="DateTime"/> (what the database stores and orders by).</summary>
    public static DateTime UtcNow(this TimeProvider timeProvider) => timeProvider.GetUtcNow().UtcDateTime;
}

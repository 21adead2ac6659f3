namespace Salon.WebApi.Common;

/// <summary>Settings under <c>RateLimits</c>: permits per window for each policy.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public LimitOptions SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    public LimitOptions Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public LimitOptions PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    public LimitOptions Screening { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public LimitOptions Writes { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    internal sealed class LimitOptions
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }
}

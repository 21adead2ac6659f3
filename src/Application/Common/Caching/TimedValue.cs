namespace Salon.Application.Common.Caching;

/// <summary>A value loaded from the database and kept in memory for a while (a singleton's field): reference data that
/// every request reads and that changes rarely. When it is older than the duration, the next caller reloads it, one at a
/// time; the others wait for that load instead of starting their own. <see cref="Invalidate"/> makes the next read
/// reload at once (a change made through this instance); other instances see a change within the duration.</summary>
public sealed class TimedValue<T>(TimeProvider time) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The value and when it was loaded, swapped as one reference so a reader never pairs one with the other's.</summary>
    private Entry? _entry;

    public async Task<T> GetAsync(TimeSpan duration, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (Fresh(_entry, duration) is { } value)
        {
            return value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_entry, duration) is { } loaded)
            {
                return loaded;
            }

            var entry = new Entry(await load(cancellationToken), time.GetUtcNow());
            _entry = entry;
            return entry.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _entry = null;

    public void Dispose() => _gate.Dispose();

    private T? Fresh(Entry? entry, TimeSpan duration) =>
        entry is not null && time.GetUtcNow() - entry.LoadedAt < duration ? entry.Value : null;

    private sealed record Entry(T Value, DateTimeOffset LoadedAt);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Salon.Application.Common;

namespace Salon.Infrastructure.Identity;

/// <summary>A short-lived, per-instance record of bearer tokens whose session was found open (ADR 0024), so
/// that a signed-in request costs neither the token's decryption nor a database round trip. An entry is
/// trusted for <see cref="SalonOptions.SessionCacheDuration"/> at most, never past the token's or the
/// session's expiry. Only open sessions are kept; a refusal is never cached.
/// <para>Any change on this instance that could end a session or change what it may do (a session revoked,
/// a member suspended, deleted or given other roles) empties the whole cache, before the change is saved
/// and again once it is committed (<see cref="SessionCacheInvalidation"/>); <see cref="Epoch"/> keeps a
/// lookup that raced with such a change from storing what it read.</para></summary>
public sealed class SessionCache(IOptions<SalonOptions> options)
{
    /// <summary>Beyond this the cache is emptied rather than grown (tokens live 15 minutes).</summary>
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, CachedSession> _entries = new(StringComparer.Ordinal);
    private long _epoch;

    /// <summary>Read before the database lookup and passed to <see cref="Store"/>.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public CachedSession? Find(string token, DateTime now)
    {
        if (!_entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.TrustedUntil > now)
        {
            return entry;
        }

        _entries.TryRemove(KeyValuePair.Create(token, entry));
        return null;
    }

    /// <summary>Keeps what a lookup that started at <paramref name="epoch"/> found, unless a change was
    /// invalidated meanwhile.</summary>
    public void Store(string token, CachedSession session, long epoch)
    {
        if (options.Value.SessionCacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[token] = session;

        // Invalidate bumps the epoch before it clears: either its Clear removed this entry, or the epoch
        // has moved and the entry goes here.
        if (Epoch != epoch)
        {
            _entries.TryRemove(KeyValuePair.Create(token, session));
        }
    }

    /// <summary>Forget every session: the next request of every member reads the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    public TimeSpan Duration => options.Value.SessionCacheDuration;
}

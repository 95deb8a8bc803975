using System.Collections.Concurrent;

namespace MedInfo.Store.Reading;

/// <summary>
/// Values read from the store and kept for a moment: until an import in this process (<see cref="StoreChanges"/>)
/// or for <paramref name="lifetime"/>, whichever comes first, so an import from another process shows within that
/// time. At most <paramref name="bound"/> keys: unknown keys (a crawler's letter ids) must not grow it without end.
/// </summary>
internal sealed class KeptValues<TKey, TValue>(StoreChanges changes, TimeSpan lifetime, int bound, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Generation, long ExpiresAt)> values = new(comparer);

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read)
    {
        var generation = changes.Generation;
        var now = Environment.TickCount64;
        if (values.TryGetValue(key, out var kept) && kept.Generation == generation && kept.ExpiresAt > now)
        {
            return kept.Value;
        }

        var value = await read().ConfigureAwait(false);
        if (values.Count >= bound)
        {
            values.Clear();
        }

        values[key] = (value, generation, now + (long)lifetime.TotalMilliseconds);
        return value;
    }
}

namespace MedInfo.Store;

/// <summary>
/// Times as the store keeps them. SQLite keeps a DateTime as text to the microsecond, and what a hash chain hashes
/// must be what is read back, so every time written is cut to whole microseconds; every time read back is UTC.
/// </summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

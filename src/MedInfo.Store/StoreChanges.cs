namespace MedInfo.Store;

/// <summary>
/// Tells readers in this process that an import changed the letters, so what they keep in memory (the current
/// version of each letter) is looked up again at once rather than when it expires.
/// </summary>
public sealed class StoreChanges
{
    private long generation;

    /// <summary>Goes up by one after every import that wrote something.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public void LettersChanged() => Interlocked.Increment(ref generation);
}

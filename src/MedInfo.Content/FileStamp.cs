namespace MedInfo.Content;

/// <summary>
/// A file's size and last-write time, as this machine saw them when it last read the file. An unchanged stamp means
/// the file was not written since (as make and rsync take it), so an importer that remembers the stamp with the
/// file's hash need not read and hash the file again.
/// </summary>
public readonly record struct FileStamp(long Length, long LastWriteTicks)
{
    /// <summary>
    /// How long ago a file must have been written for its stamp to be trusted: a file written within the clock's
    /// resolution of being read could be written again with the same stamp ("racy" files, as git calls them).
    /// </summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    public static FileStamp Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks);
    }

    /// <summary>The file's stamp when it was written at least <see cref="Settled"/> before <paramref name="readAtUtc"/>; otherwise none.</summary>
    public static FileStamp? Trusted(FileInfo file, DateTime readAtUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.LastWriteTimeUtc <= readAtUtc - Settled ? Of(file) : null;
    }
}

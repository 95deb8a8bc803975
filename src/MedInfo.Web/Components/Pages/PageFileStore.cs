using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Components.Pages;

/// <summary>
/// The output cache's store: each kept page is a file in the data folder (<c>page-cache/</c>), read back on every
/// hit. The operating system keeps the files read most in its own file cache, which it gives back to any process
/// that needs the memory, so the portal's working set stays the same whether it keeps 100 pages or 100,000, and a
/// large library is served from the cache whole instead of the pages that fit in the portal's memory. The pages
/// read most recently are also kept in a few megabytes of memory (<see cref="PortalOptions.PageCacheMemoryMegabytes"/>),
/// so a page everyone reads at once costs no file read.
/// </summary>
/// <remarks>
/// Only this process's index (in memory) says which files are pages: a portal starts with an empty cache in a
/// folder of its own, and removes the folders of portals that have stopped (a folder is in use while its lock file
/// is held). Files are replaced by a rename, so a reader never sees half a page; one that was evicted or lost is a
/// miss, and the page is rendered again.
/// </remarks>
public sealed partial class PageFileStore : IOutputCacheBufferStore, IDisposable
{
    private const string LockFileName = ".lock";

    // A page is copied into memory once it has been read this many times in a row, each read within the gap of the
    // one before: a page many readers want at once. Copying every page read would churn the memory (and the GC)
    // when readers spread over the whole library, which the files serve well anyway.
    private const int ReadsInARowToKeep = 3;
    private static readonly long HotReadGap = TimeSpan.FromMilliseconds(50).Ticks;

    // By a hash of the key, not the key itself: an entry is then a few dozen bytes, whatever the key's length.
    private readonly ConcurrentDictionary<UInt128, Page> pages = new();
    private readonly MemoryCache hot;
    private readonly TimeProvider time;
    private readonly ILogger<PageFileStore> logger;
    private readonly long limit;
    private readonly string folder;
    private readonly FileStream folderLock;
    private long size;
    private int evicting;

    public PageFileStore(IOptions<PortalOptions> options, TimeProvider time, ILogger<PageFileStore> logger)
    {
        this.time = time;
        this.logger = logger;
        limit = options.Value.PageCacheMegabytes * 1024L * 1024;
        hot = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PageCacheMemoryMegabytes * 1024L * 1024) });
        var root = FolderIn(options.Value.DataDirectory ?? throw new InvalidOperationException("MedInfo:DataDirectory is not set."));
        Directory.CreateDirectory(root);
        RemoveFoldersOfStoppedPortals(root);
        folder = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N"))).FullName;
        folderLock = new FileStream(Path.Combine(folder, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>Where the portal keeping its data in <paramref name="dataDirectory"/> keeps whole pages.</summary>
    public static string FolderIn(string dataDirectory) => Path.Combine(dataDirectory, "page-cache");

    /// <summary>The bytes the kept pages take on disk.</summary>
    public long Size => Interlocked.Read(ref size);

    /// <summary>The same page as <see cref="GetAsync"/>, written to <paramref name="destination"/>.</summary>
    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken) is not { } bytes)
        {
            return false;
        }

        destination.Write(bytes);
        return true;
    }

    /// <summary>What the output cache asks for each page it serves: the array is only read, so one is shared.</summary>
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var now = time.GetUtcNow();
        if (hot.TryGetValue(id, out HotCopy? copy) && pages.TryGetValue(id, out var current)
            && ReferenceEquals(copy!.Page, current) && current.ExpiresAt > now)
        {
            current.LastUsedTicks = now.UtcTicks;
            return ValueTask.FromResult<byte[]?>(copy.Bytes);
        }

        if (!TryOpen(id, out var page, out var file))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        using (file)
        {
            // A page is a few kilobytes the system almost always has in memory: read at once, like a memory copy.
            var bytes = new byte[page.Length];
            for (var read = 0; read < bytes.Length;)
            {
                var n = RandomAccess.Read(file, bytes.AsSpan(read), read);
                if (n == 0)
                {
                    return ValueTask.FromResult<byte[]?>(null); // shorter than written: taken for a miss
                }

                read += n;
            }

            if (page.ReadsInARow >= ReadsInARowToKeep)
            {
                hot.Set(id, new HotCopy(page, bytes), new MemoryCacheEntryOptions { Size = bytes.Length });
            }

            return ValueTask.FromResult<byte[]?>(bytes);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        SetAsync(key, new ReadOnlySequence<byte>(value), tags ?? [], validFor, cancellationToken);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var path = PathOf(id);
        var written = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = File.OpenHandle(written, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, value.Length))
            {
                long offset = 0;
                foreach (var segment in value)
                {
                    RandomAccess.Write(file, segment.Span, offset);
                    offset += segment.Length;
                }
            }

            File.Move(written, path, overwrite: true);
        }
        catch (IOException e)
        {
            // A page that cannot be kept (disk full, folder removed) is rendered again next time: never an error.
            LogNotKept(logger, e.Message);
            TryDelete(written);
            return ValueTask.CompletedTask;
        }

        var now = time.GetUtcNow();
        var page = new Page(value.Length, now + validFor, tags.IsEmpty ? [] : tags.ToArray(), now.UtcTicks);
        hot.Remove(id);
        pages.AddOrUpdate(id, page, (_, old) => { Interlocked.Add(ref size, -old.Length); return page; });
        Interlocked.Add(ref size, value.Length);
        if (Size > limit)
        {
            EvictLeastRecentlyUsed();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        foreach (var (key, page) in pages)
        {
            if (page.Tags.Contains(tag, StringComparer.Ordinal))
            {
                Remove(key, page);
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        hot.Dispose();
        folderLock.Dispose();
        TryDeleteFolder(folder);
    }

    private bool TryOpen(UInt128 key, out Page page, out Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        file = null!;
        if (!pages.TryGetValue(key, out page!))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (page.ExpiresAt <= now)
        {
            Remove(key, page);
            return false;
        }

        try
        {
            file = File.OpenHandle(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException)
        {
            Remove(key, page);
            return false;
        }

        // Counted without a lock: a lost count only delays keeping a page in memory.
        var previous = Interlocked.Exchange(ref page.LastUsedTicks, now.UtcTicks);
        page.ReadsInARow = now.UtcTicks - previous < HotReadGap ? page.ReadsInARow + 1 : 0;
        return true;
    }

    /// <summary>Removes the pages used longest ago (and any expired) until the cache is at nine tenths of its limit.</summary>
    private void EvictLeastRecentlyUsed()
    {
        if (Interlocked.Exchange(ref evicting, 1) == 1)
        {
            return; // another request is already making room
        }

        try
        {
            var now = time.GetUtcNow();
            var target = limit / 10 * 9;
            foreach (var (key, page) in pages.ToArray().OrderBy(p => p.Value.ExpiresAt <= now ? long.MinValue : p.Value.LastUsedTicks))
            {
                if (Size <= target)
                {
                    break;
                }

                Remove(key, page);
            }
        }
        finally
        {
            Volatile.Write(ref evicting, 0);
        }
    }

    private void Remove(UInt128 key, Page page)
    {
        // Only the page this was asked about: a newer one kept under the same key meanwhile stays.
        if (pages.TryRemove(KeyValuePair.Create(key, page)))
        {
            hot.Remove(key);
            Interlocked.Add(ref size, -page.Length);
            TryDelete(PathOf(key));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone with the folder when the portal stops.
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Removed by the next portal to start instead.
        }
    }

    private static void RemoveFoldersOfStoppedPortals(string root)
    {
        foreach (var stale in Directory.EnumerateDirectories(root))
        {
            try
            {
                using (new FileStream(Path.Combine(stale, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    // Not held: its portal has stopped.
                }

                TryDeleteFolder(stale);
            }
            catch (FileNotFoundException)
            {
                TryDeleteFolder(stale); // left before its lock file was made
            }
            catch (IOException)
            {
                // Held by a running portal on the same data folder.
            }
        }
    }

    private static UInt128 IdOf(string key)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        var utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private string PathOf(UInt128 id) => Path.Combine(folder, id.ToString("x32", CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page could not be kept in the page cache: {Reason}")]
    private static partial void LogNotKept(ILogger logger, string reason);

    /// <summary>A page's bytes kept in memory, with the page they were read for (a newer one under its key is not it).</summary>
    private sealed record HotCopy(Page Page, byte[] Bytes);

    /// <summary>A kept page: its length, lifetime and tags, and when it was last served (written by every hit).</summary>
    private sealed class Page(long length, DateTimeOffset expiresAt, string[] tags, long createdTicks)
    {
        public long Length { get; } = length;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public string[] Tags { get; } = tags;

        public long LastUsedTicks = createdTicks;

        public int ReadsInARow;
    }
}

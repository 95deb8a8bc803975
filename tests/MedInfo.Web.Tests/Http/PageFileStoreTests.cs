using System.Buffers;
using System.IO.Pipelines;
using MedInfo.Store.Tests;
using MedInfo.Web.Components.Pages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// The output cache keeps whole pages as files in the data folder: what is kept is read back byte for byte until it
/// expires, the least recently read pages make room when the cache is full, and each portal keeps its own folder,
/// removed once the portal has stopped. (The pages served from it are tested through the portal, in
/// <see cref="PortalBehaviourTests"/>.)
/// </summary>
public sealed class PageFileStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-pages-").FullName;
    private readonly ManualClock clock = new(Start);

    [Fact]
    public async Task A_kept_page_is_read_back_whole_from_the_data_folder_and_a_newer_one_replaces_it()
    {
        using var store = NewStore();
        var page = Page(60_000, seed: 1);
        await store.SetAsync("letter-a", new ReadOnlySequence<byte>(page), ReadOnlyMemory<string>.Empty, TimeSpan.FromHours(1), default);

        Assert.Equal(page, await ReadAsync(store, "letter-a"));
        Assert.Equal(page, await store.GetAsync("letter-a", default));
        Assert.Single(Directory.EnumerateFiles(PageFileStore.FolderIn(data), "*", SearchOption.AllDirectories), f => !f.EndsWith(".lock", StringComparison.Ordinal));

        var newer = Page(1_000, seed: 2);
        await store.SetAsync("letter-a", newer, null, TimeSpan.FromHours(1), default);
        Assert.Equal(newer, await ReadAsync(store, "letter-a"));
        Assert.Equal(newer.Length, store.Size);
        Assert.Null(await ReadAsync(store, "letter-b"));
    }

    [Fact]
    public async Task An_expired_page_is_a_miss_and_its_file_is_removed()
    {
        using var store = NewStore();
        await store.SetAsync("listing", Page(5_000, seed: 3), null, TimeSpan.FromSeconds(10), default);
        clock.Now = Start.AddSeconds(9);
        Assert.NotNull(await ReadAsync(store, "listing"));

        clock.Now = Start.AddSeconds(10);
        Assert.Null(await ReadAsync(store, "listing"));
        Assert.Equal(0, store.Size);
        Assert.Empty(PageFiles());
    }

    [Fact]
    public async Task When_full_the_pages_read_longest_ago_make_room()
    {
        using var store = NewStore(megabytes: 1);
        for (var i = 0; i < 3; i++)
        {
            clock.Now = Start.AddSeconds(i);
            await store.SetAsync($"letter-{i}", Page(300_000, seed: i), null, TimeSpan.FromHours(1), default);
        }

        clock.Now = Start.AddSeconds(10);
        Assert.NotNull(await ReadAsync(store, "letter-0")); // read again: now the most recent
        await store.SetAsync("letter-3", Page(300_000, seed: 3), null, TimeSpan.FromHours(1), default);

        Assert.Null(await ReadAsync(store, "letter-1"));
        Assert.NotNull(await ReadAsync(store, "letter-0"));
        Assert.NotNull(await ReadAsync(store, "letter-2"));
        Assert.NotNull(await ReadAsync(store, "letter-3"));
        Assert.True(store.Size <= 1024 * 1024, $"{store.Size} bytes kept over a limit of 1 MB");
        Assert.Equal(3, PageFiles().Count);
    }

    [Fact]
    public async Task A_page_file_lost_from_the_disk_is_a_miss_not_an_error()
    {
        using var store = NewStore();
        await store.SetAsync("letter-a", Page(2_000, seed: 4), null, TimeSpan.FromHours(1), default);
        File.Delete(Assert.Single(PageFiles()));

        Assert.Null(await ReadAsync(store, "letter-a"));
        Assert.Null(await store.GetAsync("letter-a", default));
    }

    [Fact]
    public async Task A_page_read_by_many_at_once_is_served_from_memory_until_it_expires_or_is_replaced()
    {
        using var store = NewStore();
        var page = Page(20_000, seed: 7);
        await store.SetAsync("letter-a", page, null, TimeSpan.FromMinutes(1), default);
        Assert.Equal(page, await store.GetAsync("letter-a", default)); // read once: from its file only
        File.Move(Assert.Single(PageFiles()), Path.Combine(data, "aside"));
        Assert.Null(await store.GetAsync("letter-a", default));

        await store.SetAsync("letter-a", page, null, TimeSpan.FromMinutes(1), default);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(page, await store.GetAsync("letter-a", default)); // read again and again, at once
        }

        File.Delete(Assert.Single(PageFiles())); // from here on, only the copy in memory has it
        Assert.Equal(page, await store.GetAsync("letter-a", default));

        var newer = Page(20_000, seed: 8);
        await store.SetAsync("letter-a", newer, null, TimeSpan.FromMinutes(1), default);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(newer, await store.GetAsync("letter-a", default));
        }

        File.Delete(Assert.Single(PageFiles()));
        clock.Now = Start.AddMinutes(1);
        Assert.Null(await store.GetAsync("letter-a", default));
    }

    [Fact]
    public async Task A_running_portals_folder_is_left_alone_and_a_stopped_ones_is_removed()
    {
        var running = NewStore();
        await running.SetAsync("letter-a", Page(2_000, seed: 5), null, TimeSpan.FromHours(1), default);
        var crashed = Directory.CreateDirectory(Path.Combine(PageFileStore.FolderIn(data), "left-by-a-crash"));
        await File.WriteAllBytesAsync(Path.Combine(crashed.FullName, ".lock"), []);
        await File.WriteAllBytesAsync(Path.Combine(crashed.FullName, "page"), Page(2_000, seed: 6));

        using (NewStore())
        {
            Assert.False(Directory.Exists(crashed.FullName), "a folder whose lock nobody holds is removed");
            Assert.NotNull(await ReadAsync(running, "letter-a"));
            Assert.Equal(2, Directory.GetDirectories(PageFileStore.FolderIn(data)).Length);
        }

        running.Dispose();
        Assert.Empty(Directory.GetDirectories(PageFileStore.FolderIn(data)));
    }

    public void Dispose() => Directory.Delete(data, recursive: true);

    private PageFileStore NewStore(int megabytes = 64) => new(
        Options.Create(new PortalOptions { DataDirectory = data, PageCacheMegabytes = megabytes }), clock, NullLogger<PageFileStore>.Instance);

    private List<string> PageFiles() =>
        [.. Directory.EnumerateFiles(PageFileStore.FolderIn(data), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))];

    private static byte[] Page(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A page read through the buffer interface, into a pipe.</summary>
    private static async Task<byte[]?> ReadAsync(PageFileStore store, string key)
    {
        var pipe = new Pipe();
        if (!await store.TryGetAsync(key, pipe.Writer, default))
        {
            return null;
        }

        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAsync();
        var bytes = read.Buffer.ToArray();
        pipe.Reader.AdvanceTo(read.Buffer.End);
        return bytes;
    }
}

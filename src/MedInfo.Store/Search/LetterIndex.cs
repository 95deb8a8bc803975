using System.Threading.Channels;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MedInfo.Store.Search;

/// <summary>
/// The portal's search index: a Lucene index of the published letters, built from the store when first asked and
/// kept in step with it. An import in this process (<see cref="StoreChanges"/>) is seen by the next search; letters
/// another portal on the same database published or retired are seen within <see cref="SearchOptions.RefreshInterval"/>.
/// The store stays the only record: the index is rebuilt at every start and never written back, so every portal
/// and both engines find the same letters.
/// </summary>
public sealed class LetterIndex : IDisposable
{
    private const int LoadBatch = 500;

    private readonly IDbContextFactory<MedInfoDb> dbFactory;
    private readonly StoreChanges changes;
    private readonly SearchOptions options;
    private readonly string folder;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly SemaphoreSlim syncing = new(1, 1);

    /// <summary>A sync serves every reader, so the one who started it leaving does not stop it; only disposal does.</summary>
    private readonly CancellationTokenSource disposing = new();

    /// <summary>The version of each letter in the index (only the sync, under <see cref="syncing"/>, touches it).</summary>
    private readonly Dictionary<string, int> indexed = new(StringComparer.Ordinal);

    private long seenGeneration = -1;
    private long checkedAt;
    private (int Count, long Sum, int Max, int Synonyms, int LastSynonym) seenFingerprint = (-1, -1, -1, -1, -1);

    public LetterIndex(IDbContextFactory<MedInfoDb> dbFactory, StoreChanges changes, IOptions<SearchOptions> options)
    {
        this.dbFactory = dbFactory;
        this.changes = changes;
        this.options = options.Value;
        var parent = this.options.IndexDirectory ?? Path.Combine(Path.GetTempPath(), "medinfo-search");
        RemoveIndexesOfEndedProcesses(parent);
        folder = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        directory = FSDirectory.Open(folder);
        English = SearchAnalysis.CreateEnglish();
        Spelling = SearchAnalysis.CreateSpelling();
        var analyzer = new PerFieldAnalyzerWrapper(English, Enum.GetValues<Readership>()
            .SelectMany(r => new[] { IndexFields.Spelling(r), IndexFields.ProductSpelling(r) })
            .ToDictionary(f => f, _ => Spelling));
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        });
        searchers = new SearcherManager(writer, applyAllDeletes: true, new RankingSearcherFactory());
    }

    /// <summary>BM25, which weighs a word in a short title above the same word in a long body.</summary>
    internal static readonly Similarity Similarity = new BM25Similarity();

    internal Analyzer English { get; }

    internal Analyzer Spelling { get; }

    /// <summary>Goes up by one whenever what the index finds may have changed: an answer kept under an older one is stale.</summary>
    public long Generation => Interlocked.Read(ref generation);

    private long generation;

    /// <summary>The synonyms of the letters now indexed (replaced whole when they change).</summary>
    internal SearchSynonyms Synonyms { get; private set; } = SearchSynonyms.None;

    /// <summary>How many letters the index holds now.</summary>
    public int LetterCount => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Runs <paramref name="search"/> on the index as the store is now.</summary>
    internal async Task<T> SearchAsync<T>(Func<IndexSearcher, T> search, CancellationToken cancellationToken)
    {
        await EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
        return WithSearcher(search);
    }

    /// <summary>Runs <paramref name="use"/> on the newest searcher, handed back after.</summary>
    private T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var searcher = searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Brings the index in step with the store: at once after an import here (or the first time), else at most every
    /// <see cref="SearchOptions.RefreshInterval"/>, by one search that finds no other sync running (the others search
    /// the index as it is, never waiting for another portal's letters).
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        var generation = changes.Generation;
        var due = Environment.TickCount64 - Interlocked.Read(ref checkedAt) >= options.RefreshInterval.TotalMilliseconds;
        if (generation == Interlocked.Read(ref seenGeneration) && !due)
        {
            return;
        }

        if (generation == Interlocked.Read(ref seenGeneration))
        {
            if (!await syncing.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
        else
        {
            await syncing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            generation = changes.Generation;
            if (generation != Interlocked.Read(ref seenGeneration)
                || Environment.TickCount64 - Interlocked.Read(ref checkedAt) >= options.RefreshInterval.TotalMilliseconds)
            {
                await SyncAsync(disposing.Token).ConfigureAwait(false);
                Interlocked.Exchange(ref seenGeneration, generation);
                Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
            }
        }
        finally
        {
            syncing.Release();
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var published = db.Letters.AsNoTracking().Where(l => !l.IsRetired && l.PublishedVersionId != null);

        // A cheap look first: the count, sum and largest of the published version ids change whenever a letter is
        // published (version ids only grow), retired or brought back; the synonyms' count and largest id whenever
        // they are written.
        var letters = await published.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(l => (long)l.PublishedVersionId!.Value), Max = g.Max(l => l.PublishedVersionId!.Value) })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false); // one group at most (none when empty)
        var synonyms = await db.SearchSynonyms.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Max = g.Max(s => s.Id) })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var now = (letters?.Count ?? 0, letters?.Sum ?? 0, letters?.Max ?? 0, synonyms?.Count ?? 0, synonyms?.Max ?? 0);
        if (now == seenFingerprint)
        {
            return;
        }

        var versions = await published.Select(l => new { l.Id, VersionId = l.PublishedVersionId!.Value })
            .ToDictionaryAsync(l => l.Id, l => l.VersionId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var gone in indexed.Keys.Where(id => !versions.ContainsKey(id)).ToList())
        {
            writer.DeleteDocuments(new Term(IndexFields.Id, gone));
            indexed.Remove(gone);
        }

        var changed = versions.Where(v => !indexed.TryGetValue(v.Key, out var version) || version != v.Value).Select(v => v.Value).ToList();

        // Analysing the text is most of the work, and the writer takes documents from several threads: one per core
        // analyses while this one reads the store. Into an empty index, a letter is added without looking it up.
        var adding = indexed.Count == 0;
        var queue = Channel.CreateBounded<SearchDocument>(256);
        var analysers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var document in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    var fields = IndexFields.ToDocument(document);
                    if (adding)
                    {
                        writer.AddDocument(fields);
                    }
                    else
                    {
                        writer.UpdateDocument(new Term(IndexFields.Id, document.Text.LetterId), fields);
                    }
                }
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e); // the reader stops at once instead of waiting for room
                throw;
            }
        }, cancellationToken)).ToList();
        try
        {
            try
            {
                await foreach (var document in LoadAsync(db, changed, loadAll: changed.Count == versions.Count, cancellationToken).ConfigureAwait(false))
                {
                    await queue.Writer.WriteAsync(document, cancellationToken).ConfigureAwait(false);
                    indexed[document.Text.LetterId] = document.Text.VersionId;
                }
            }
            finally
            {
                queue.Writer.TryComplete();
                await Task.WhenAll(analysers).ConfigureAwait(false);
            }
        }
        catch
        {
            // What was written is unknown: the next sync builds the index again from nothing.
            writer.DeleteAll();
            indexed.Clear();
            seenFingerprint = (-1, -1, -1, -1, -1);
            throw;
        }

        var forms = await db.SearchSynonyms.AsNoTracking()
            .Where(s => s.LetterVersionId == null || db.Letters.Any(l => !l.IsRetired && l.PublishedVersionId == s.LetterVersionId))
            .Select(s => s.Forms).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        Synonyms = SearchSynonyms.From(English, forms.Select(f => (IReadOnlyList<string>)f.Split('\n')));

        searchers.MaybeRefreshBlocking();
        seenFingerprint = now;
        Interlocked.Increment(ref generation);
    }

    /// <summary>The search documents of these versions: their text from the store's search rows, the rest from the versions.</summary>
    private static async IAsyncEnumerable<SearchDocument> LoadAsync(
        MedInfoDb db, List<int> versionIds, bool loadAll, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var texts = Engines.StoreEngine.For(db).SearchRows.Texts(db);
        foreach (var batch in versionIds.Chunk(loadAll ? int.MaxValue : LoadBatch))
        {
            var ids = batch.ToList();
            var versions = await db.LetterVersions.AsNoTracking()
                .Where(v => loadAll || ids.Contains(v.Id))
                .Where(v => db.Letters.Any(l => l.PublishedVersionId == v.Id && !l.IsRetired))
                .Select(v => new { v.Id, v.DocumentKind, v.LastUpdated, v.Audience, Slugs = v.Products.Select(p => p.Product!.Slug).ToList() })
                .AsSplitQuery()
                .ToDictionaryAsync(v => v.Id, cancellationToken).ConfigureAwait(false);
            var rows = loadAll ? texts : texts.Where(t => ids.Contains(t.VersionId));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (versions.TryGetValue(row.VersionId, out var version))
                {
                    yield return new SearchDocument(row, version.DocumentKind, version.LastUpdated, version.Audience, version.Slugs);
                }
            }
        }
    }

    /// <summary>Folders a portal that ended without disposing its index left behind (their name starts with its process id).</summary>
    private static void RemoveIndexesOfEndedProcesses(string parent)
    {
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var stale in System.IO.Directory.EnumerateDirectories(parent))
        {
            if (int.TryParse(Path.GetFileName(stale).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var processId) && !IsRunning(processId))
            {
                try
                {
                    System.IO.Directory.Delete(stale, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another portal starting at the same moment removed it first, or it is another user's.
                }
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        disposing.Cancel();
        syncing.Wait();
        disposing.Dispose();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        syncing.Dispose();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped: the temporary folder goes with the machine's next clean-up.
        }
    }

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}

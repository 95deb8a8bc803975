using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedInfo.Letters;
using MedInfo.Store;
using MedInfo.Store.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Bench.Paths;

/// <summary>
/// Search over the imported corpus and over a store grown to the large size: the index built from the store, then
/// p50/p95 per query over a fixed mix for the first page of results a reader gets (the best 20), ours (LetterSearch:
/// five weighted fields, stems, prefixes, synonyms, the reader's rule, snippets) against the bare engine in the
/// same run (each word a required TermQuery in any field, the best 20, their titles read); suggestions (five results for a word's first letters); and the search page
/// over HTTP against a static file of the same bytes.
/// </summary>
public static class SearchBench
{
    public static async Task RunAsync(Workspace workspace, string importedStore, string repository, int large, Report report)
    {
        await MeasureAsync(StoreSetup.CreateFactory(StoreLocation.ConnectionString(importedStore)), "SQLite", workspace.Letters, goalMs: 10, buildAnchorSeconds: 18, rounds: 40, report);
        await SearchPageAsync(workspace, importedStore, repository, report);
        var grown = Grow(workspace, importedStore, workspace.Letters, large);
        await MeasureAsync(StoreSetup.CreateFactory(StoreLocation.ConnectionString(grown)), "SQLite", large, goalMs: 30, buildAnchorSeconds: 106, rounds: 12, report);
    }

    internal static async Task MeasureAsync(IDbContextFactory<MedInfoDb> factory, string engine, int letters, double goalMs, double buildAnchorSeconds, int rounds, Report report)
    {
        using var index = new LetterIndex(factory, new StoreChanges(), Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        var clock = Stopwatch.StartNew();
        await index.EnsureCurrentAsync();
        var built = clock.Elapsed.TotalSeconds;
        report.Add(new BenchRow($"Search index built from the {engine} store, {letters:N0} letters", $"{built:0.0} s ({index.LetterCount:N0} letters)",
            $"anchor in issue 17: Lucene.NET {buildAnchorSeconds:0} s", Report.Times(built / buildAnchorSeconds), "<= 2x the anchor", built <= 2 * buildAnchorSeconds));

        var search = new LetterSearch(index);
        var queries = await QueriesAsync(factory);
        var (ours, bare) = await TimeQueriesAsync(
            queries, rounds, async query => (await search.SearchAsync(Readership.HealthcareProfessional, query, limit: LetterSearch.PageSize)).Count, query => BareAsync(index, query, LetterSearch.PageSize, prefix: false));
        AddRow(report, $"Search on {engine}, {letters:N0} letters, a page of {LetterSearch.PageSize} ({queries.Count} queries x {rounds})", ours, bare, goalMs);
        PrintSlowest(queries, ours, bare);

        // Suggestions: what the search box asks while a word is typed, five letters for its first letters.
        var prefixes = queries.Select(q => q.Split(' ')[0]).Select(w => w.Length > 5 ? w[..5] : w).ToList();
        var (suggested, barePrefix) = await TimeQueriesAsync(
            prefixes, rounds, async prefix => (await search.SuggestAsync(Readership.HealthcareProfessional, prefix)).Count, prefix => BareAsync(index, prefix, 5, prefix: true));
        AddRow(report, $"Suggestions on {engine}, {letters:N0} letters ({prefixes.Count} prefixes x {rounds})", suggested, barePrefix, 5);
    }

    /// <summary>Each query's p95, ours and the bare engine's, slowest first: where to look when a goal is missed.</summary>
    private static void PrintSlowest(IReadOnlyList<string> queries, List<double> ours, List<double> bare)
    {
        var each = queries.Select((query, q) => (Query: query,
            Ours: Percentile(ours.Where((_, i) => i % queries.Count == q).ToList(), 95),
            Bare: Percentile(bare.Where((_, i) => i % queries.Count == q).ToList(), 95)));
        foreach (var (query, ourP95, bareP95) in each.OrderByDescending(x => x.Ours).Take(4))
        {
            Console.WriteLine($"    '{query}': p95 {Report.Ms(ourP95)} (bare {Report.Ms(bareP95)})");
        }
    }

    private static void AddRow(Report report, string path, List<double> ours, List<double> bare, double goalMs)
    {
        var (p50, p95) = (Percentile(ours, 50), Percentile(ours, 95));
        var (bare50, bare95) = (Percentile(bare, 50), Percentile(bare, 95));
        report.Add(new BenchRow(path, $"p50 {Report.Ms(p50)}, p95 {Report.Ms(p95)}",
            $"bare Lucene p50 {Report.Ms(bare50)}, p95 {Report.Ms(bare95)}", Report.Times(p95 / bare95) + " p95",
            $"p95 <= {goalMs} ms", p95 <= goalMs));
    }

    /// <summary>
    /// The bare engine on the same index, as Lucene's MultiFieldQueryParser would ask it: each analysed word required
    /// in any of the searched fields (for a prefix, a PrefixQuery in the fields suggestions look in), no weights, no
    /// synonyms, no filter, no snippet.
    /// </summary>
    private static Task<int> BareAsync(LetterIndex index, string text, int limit, bool prefix) => index.SearchAsync(searcher =>
    {
        var query = new BooleanQuery();
        foreach (var word in SearchAnalysis.Words(index.English, text))
        {
            var fields = new BooleanQuery();
            foreach (var (name, _) in prefix ? IndexFields.Naming : IndexFields.Weighted)
            {
                var term = new Term(name, word.Term);
                fields.Add(prefix ? new PrefixQuery(term) : new TermQuery(term), Occur.SHOULD);
            }

            query.Add(fields, Occur.MUST);
        }

        var top = searcher.Search(query, limit);
        foreach (var hit in top.ScoreDocs)
        {
            _ = searcher.Doc(hit.Doc).Get(IndexFields.Title, CultureInfo.InvariantCulture);
        }

        return top.ScoreDocs.Length;
    }, CancellationToken.None);

    /// <summary>Times each query through ours and through the peer, alternately, for <paramref name="rounds"/> rounds after 3 warm-up rounds.</summary>
    internal static async Task<(List<double> Ours, List<double> Peer)> TimeQueriesAsync(
        IReadOnlyList<string> queries, int rounds, Func<string, Task<int>> ours, Func<string, Task<int>> peer)
    {
        var oursMs = new List<double>();
        var peerMs = new List<double>();
        var found = 0;
        for (var round = 0; round < rounds + 3; round++)
        {
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var hits = await ours(query);
                var ourTime = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await peer(query);
                var peerTime = clock.Elapsed.TotalMilliseconds;
                if (round >= 3)
                {
                    oursMs.Add(ourTime);
                    peerMs.Add(peerTime);
                }

                found += round == 0 && hits > 0 ? 1 : 0;
            }
        }

        if (found < queries.Count / 2)
        {
            throw new InvalidOperationException($"Only {found} of {queries.Count} searches found anything: the bench would time empty searches.");
        }

        return (oursMs, peerMs);
    }

    /// <summary>
    /// The search page of a portal on a copy of the imported store (published build, rate limit raised), a common
    /// word and a brand name, against a static file of the same page's bytes from the same kind of Kestrel; each
    /// after a first run that lets the JIT settle. Every request asks the same search, as the most popular searches
    /// are asked: the page's answer is kept while the index stays the same, its rendering is not.
    /// </summary>
    private static async Task SearchPageAsync(Workspace workspace, string importedStore, string repository, Report report)
    {
        var data = workspace.Path("store-search-http");
        CopyStore(importedStore, data);
        var statics = Directory.CreateDirectory(workspace.Path("search-static")).FullName;
        await using var portal = await BenchPortal.StartAsync(repository, data, workspace.Corpus, 5093);
        await using var staticPeer = await StaticPeer.StartAsync(statics, 5094);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        var queries = await QueriesAsync(StoreSetup.CreateFactory(StoreLocation.ConnectionString(data)));
        var page = await http.GetByteArrayAsync(portal.Url + "/search?q=response"); // waits for the index
        await File.WriteAllBytesAsync(Path.Combine(statics, "search.html"), page);
        await HttpBench.WriteWrkScriptAsync(workspace);

        // A server runs warm: one run to let the JIT settle (tiered compilation), then the measured runs.
        HttpBench.Wrk(workspace, staticPeer.BaseUrl + "/search.html");
        var peer = HttpBench.Wrk(workspace, staticPeer.BaseUrl + "/search.html");
        foreach (var (label, query) in new[] { ("a common word", "response"), ("a brand name", queries[0]) })
        {
            var url = portal.Url + "/search?q=" + Uri.EscapeDataString(query);
            HttpBench.Wrk(workspace, url);
            var result = HttpBench.Wrk(workspace, url);
            report.Add(new BenchRow($"Search page, {label} ('{query}'), {workspace.Letters:N0} letters, 64 conn.",
                $"{Report.Number(result.RequestsPerSecond, "req/s")}, p50 {Report.Ms(result.P50)}, p95 {Report.Ms(result.P95)}, {result.Errors} errors",
                $"static {Report.Number(peer.RequestsPerSecond, "req/s")}, p95 {Report.Ms(peer.P95)}",
                Report.Times(result.RequestsPerSecond / peer.RequestsPerSecond) + " throughput", ">= 1,000 req/s, 0 errors",
                result.RequestsPerSecond >= 1000 && result.Errors == 0));
        }
    }

    /// <summary>The mix: brands, a generic name, prefixes, common and rare words, a phrase-like pair.</summary>
    internal static async Task<IReadOnlyList<string>> QueriesAsync(IDbContextFactory<MedInfoDb> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var products = await db.Products.OrderBy(p => p.Id).Take(2).Select(p => new { p.Brand, p.Generic }).ToListAsync();

        // Brands and a generic name (what HCPs type most), a common word, two-word queries, a prefix, rare words.
        return [products[0].Brand.TrimEnd('®'), products[1].Generic, "response", "invented syndrome", "median follow-up", "safety cohort", "zorvel", "Measure 12", "kadorsol", "praqui nexfen"];
    }

    /// <summary>
    /// A copy of the imported store with every letter repeated (new ids) up to <paramref name="large"/> letters:
    /// the index is built from Letters, LetterVersions and LetterSearch, so those are copied (versions without their JSON).
    /// </summary>
    private static string Grow(Workspace workspace, string importedStore, int letters, int large)
    {
        var target = workspace.Path("store-search-large");
        CopyStore(importedStore, target);

        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection(StoreLocation.ConnectionString(target));
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL;");
        using (var transaction = connection.BeginTransaction())
        {
            for (var copy = 1; copy < large / letters; copy++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $"-copy{copy}");
                Execute(connection, $"""
                    INSERT INTO LetterVersions (LetterId, Number, ContentHash, ImportedAtUtc, Title, DocumentKind, Status, LastUpdated, ReviewBy, SourcePath, SourceText, ModelJson, Audience)
                    SELECT v.LetterId || '{suffix}', v.Number, v.ContentHash, v.ImportedAtUtc, v.Title, v.DocumentKind, v.Status, v.LastUpdated, v.ReviewBy, v.SourcePath, '', '', v.Audience
                    FROM LetterVersions v JOIN Letters l ON l.CurrentVersionId = v.Id WHERE l.Id NOT LIKE '%-copy%';
                    INSERT INTO Letters (Id, SourcePath, IsRetired, RetiredAtUtc, CurrentVersionId, PublishedVersionId)
                    SELECT v.LetterId, v.SourcePath, 0, NULL, v.Id, v.Id FROM LetterVersions v WHERE v.LetterId LIKE '%{suffix}';
                    INSERT INTO LetterSearch (rowid, LetterId, Title, Products, Summary, Body, Keywords)
                    SELECT v.Id, s.LetterId || '{suffix}', s.Title, s.Products, s.Summary, s.Body, s.Keywords
                    FROM LetterSearch s JOIN LetterVersions v ON v.LetterId = s.LetterId || '{suffix}' WHERE s.LetterId NOT LIKE '%-copy%';
                    """, transaction);
            }

            transaction.Commit();
        }

        Execute(connection, "INSERT INTO LetterSearch(LetterSearch) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  grew the store to {large:N0} letters in {clock.Elapsed.TotalSeconds:0} s");
        SqliteConnection.ClearAllPools();
        return target;
    }

    /// <summary>A copy of a SQLite store in a folder of its own, through SQLite's backup (consistent while open).</summary>
    internal static void CopyStore(string source, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        using var from = new SqliteConnection(StoreLocation.ConnectionString(source));
        from.Open();
        using var to = new SqliteConnection(StoreLocation.ConnectionString(target));
        from.BackupDatabase(to);
        SqliteConnection.ClearAllPools();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }

    internal static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

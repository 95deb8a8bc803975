using MedInfo.Letters;
using System.Diagnostics;
using System.Globalization;
using MedInfo.Store;
using MedInfo.Store.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Bench.Paths;

/// <summary>
/// Search over the imported corpus and over a store grown to the large size, p50/p95 per query over a fixed mix:
/// our LetterSearch (query sanitising, joins to the current version, snippet, weighted bm25) vs the bare FTS5
/// query through Microsoft.Data.Sqlite.
/// </summary>
public static class SearchBench
{

    public static async Task RunAsync(Workspace workspace, string importedStore, int large, Report report)
    {
        await MeasureAsync(importedStore, workspace.Letters, 10, rounds: 40, report);
        var grown = Grow(workspace, importedStore, workspace.Letters, large);
        await MeasureAsync(grown, large, 30, rounds: 12, report); // fewer rounds: each costs ten times more
    }

    private static async Task MeasureAsync(string store, int letters, double goalMs, int rounds, Report report)
    {
        var connectionString = StoreLocation.ConnectionString(store);
        var factory = StoreSetup.CreateFactory(connectionString);
        var search = new LetterSearch(factory);
        var queries = await QueriesAsync(factory);
        await using var raw = new SqliteConnection(connectionString);
        await raw.OpenAsync();
        var (ours, peer) = await TimeQueriesAsync(
            queries, rounds, async query => (await search.SearchAsync(Readership.HealthcareProfessional, query)).Count, query => RawAsync(raw, RawFtsQuery(query)));

        var (p50, p95) = (Percentile(ours, 50), Percentile(ours, 95));
        var (peer50, peer95) = (Percentile(peer, 50), Percentile(peer, 95));
        report.Add(new BenchRow($"Search, {letters:N0} letters ({queries.Count} queries x {rounds})", $"p50 {Report.Ms(p50)}, p95 {Report.Ms(p95)}",
            $"raw FTS5 p50 {Report.Ms(peer50)}, p95 {Report.Ms(peer95)}", Report.Times(p95 / peer95) + " p95",
            $"p95 < {goalMs} ms and <= 1.5x raw", p95 < goalMs && p95 / peer95 <= 1.5));
    }

    /// <summary>
    /// Times each query through ours and through the peer, alternately, for <paramref name="rounds"/> rounds after 3
    /// warm-up rounds; the first round checks both find the same number of letters.
    /// </summary>
    internal static async Task<(List<double> Ours, List<double> Peer)> TimeQueriesAsync(
        IReadOnlyList<string> queries, int rounds, Func<string, Task<int>> ours, Func<string, Task<int>> peer)
    {
        var oursMs = new List<double>();
        var peerMs = new List<double>();
        for (var round = 0; round < rounds + 3; round++)
        {
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                var hits = await ours(query);
                var ourTime = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var peerHits = await peer(query);
                var peerTime = clock.Elapsed.TotalMilliseconds;
                if (round >= 3)
                {
                    oursMs.Add(ourTime);
                    peerMs.Add(peerTime);
                }

                if (round == 0 && hits != peerHits)
                {
                    throw new InvalidOperationException($"'{query}': {hits} hits from LetterSearch, {peerHits} from the peer query");
                }
            }
        }

        return (oursMs, peerMs);
    }

    /// <summary>The mix: brands, a generic name, prefixes, common and rare words, a phrase-like pair.</summary>
    internal static async Task<IReadOnlyList<string>> QueriesAsync(IDbContextFactory<MedInfoDb> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var products = await db.Products.OrderBy(p => p.Id).Take(2).Select(p => new { p.Brand, p.Generic }).ToListAsync();

        // Brands and a generic name (what HCPs type most), a common word, two-word queries, a prefix, rare words.
        return [products[0].Brand.TrimEnd('®'), products[1].Generic, "response", "invented syndrome", "median follow-up", "safety cohort", "zorvel", "Measure 12", "kadorsol", "praqui nexfen"];
    }

    /// <summary>The bare engine's query for the same words: each a quoted prefix term, all required, as FTS5 is used
    /// by hand; each word cut to its stem as ours are, so both find the same letters.</summary>
    private static string RawFtsQuery(string text) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => $"\"{MedInfo.Store.Search.WordStems.Of(m.Value)}\"*"));

    private static async Task<int> RawAsync(SqliteConnection connection, string ftsQuery)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT LetterId, snippet(LetterSearch, -1, '[', ']', '…', 24), bm25(LetterSearch) AS r FROM LetterSearch WHERE LetterSearch MATCH $q ORDER BY r LIMIT 50";
        command.Parameters.AddWithValue("$q", ftsQuery);
        return await ReadHitsAsync(command);
    }

    /// <summary>Runs a peer's search command and reads every hit's snippet (column 1), as a page would; returns the hit count.</summary>
    internal static async Task<int> ReadHitsAsync(System.Data.Common.DbCommand command)
    {
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(1);
            count++;
        }

        return count;
    }

    /// <summary>
    /// A copy of the imported store with every letter repeated (new ids) up to <paramref name="large"/> letters:
    /// search reads Letters, LetterVersions and LetterSearch, so those are copied (versions without their JSON).
    /// </summary>
    private static string Grow(Workspace workspace, string importedStore, int letters, int large)
    {
        var target = workspace.Path("store-search-large");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        using (var source = new SqliteConnection(StoreLocation.ConnectionString(importedStore)))
        {
            source.Open();
            using var backup = new SqliteConnection(StoreLocation.ConnectionString(target));
            source.BackupDatabase(backup);
        }

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
                    INSERT INTO LetterVersions (LetterId, Number, ContentHash, ImportedAtUtc, Title, DocumentKind, Status, LastUpdated, ReviewBy, SourcePath, SourceText, ModelJson)
                    SELECT v.LetterId || '{suffix}', v.Number, v.ContentHash, v.ImportedAtUtc, v.Title, v.DocumentKind, v.Status, v.LastUpdated, v.ReviewBy, v.SourcePath, '', ''
                    FROM LetterVersions v JOIN Letters l ON l.CurrentVersionId = v.Id WHERE l.Id NOT LIKE '%-copy%';
                    INSERT INTO Letters (Id, SourcePath, IsRetired, RetiredAtUtc, CurrentVersionId)
                    SELECT v.LetterId, v.SourcePath, 0, NULL, v.Id FROM LetterVersions v WHERE v.LetterId LIKE '%{suffix}';
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

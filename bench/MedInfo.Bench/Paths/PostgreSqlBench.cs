using MedInfo.Letters;
using System.Diagnostics;
using MedInfo.Store;
using MedInfo.Import;
using MedInfo.Store.Search;
using MedInfo.Testing;
using Npgsql;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The scale-out store on a throwaway local PostgreSQL server (the one the tests start): a cold import of the
/// corpus against the same import into SQLite, and search p50/p95 over the search bench's query mix against the
/// bare tsvector query (match, rank, headline) through Npgsql.
/// </summary>
public static class PostgreSqlBench
{
    public static async Task RunAsync(Workspace workspace, Report report)
    {
        var server = new ThrowawayPostgreSql();
        await server.StartAsync();
        try
        {
            var postgres = await server.CreateAsync(workspace.Path("store-postgres"));
            var sqliteFolder = Directory.CreateDirectory(workspace.Path("store-postgres-peer")).FullName;
            File.Delete(Path.Combine(sqliteFolder, StoreLocation.FileName));
            var postgresSeconds = await ColdImportAsync(postgres, workspace.Corpus);
            var sqliteSeconds = await ColdImportAsync(StoreConnection.Sqlite(sqliteFolder), workspace.Corpus);
            report.Add(new BenchRow($"Import {workspace.Letters:N0} letters into PostgreSQL, cold",
                Report.Number(workspace.Letters / postgresSeconds, "letters/s") + $" ({postgresSeconds:0.0} s)",
                $"SQLite {Report.Number(workspace.Letters / sqliteSeconds, "letters/s")} ({sqliteSeconds:0.0} s)",
                Report.Times(sqliteSeconds / postgresSeconds) + " speed", ">= 0.5x SQLite", sqliteSeconds / postgresSeconds >= 0.5));

            await SearchAsync(postgres, workspace.Letters, rounds: 40, report);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<double> ColdImportAsync(StoreConnection connection, string corpus)
    {
        var factory = StoreSetup.CreateFactory(connection);
        await StoreSetup.MigrateAsync(factory);
        var clock = Stopwatch.StartNew();
        var result = await new LetterImporter(factory, TimeProvider.System, new StoreChanges()).ImportAsync(corpus);
        if (!result.Written)
        {
            throw new InvalidOperationException($"The corpus did not import into {connection.Description}.");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task SearchAsync(StoreConnection store, int letters, int rounds, Report report)
    {
        var factory = StoreSetup.CreateFactory(store);
        var search = new LetterSearch(factory);
        var queries = await SearchBench.QueriesAsync(factory);
        await using var raw = new NpgsqlConnection(store.ConnectionString);
        await raw.OpenAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", raw))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var (ours, peer) = await SearchBench.TimeQueriesAsync(
            queries, rounds, async query => (await search.SearchAsync(Readership.HealthcareProfessional, query)).Count, query => RawAsync(raw, Terms(query)));

        var (p50, p95) = (SearchBench.Percentile(ours, 50), SearchBench.Percentile(ours, 95));
        var (peer50, peer95) = (SearchBench.Percentile(peer, 50), SearchBench.Percentile(peer, 95));
        report.Add(new BenchRow($"Search on PostgreSQL, {letters:N0} letters ({queries.Count} queries x {rounds})", $"p50 {Report.Ms(p50)}, p95 {Report.Ms(p95)}",
            $"raw tsvector p50 {Report.Ms(peer50)}, p95 {Report.Ms(peer95)}", Report.Times(p95 / peer95) + " p95",
            "p95 < 30 ms and <= 1.5x raw", p95 < 30 && p95 / peer95 <= 1.5));
    }

    /// <summary>The query a hand-written search would send: each word lower-cased and prefix-matched, all required.</summary>
    private static string Terms(string query) =>
        string.Join(" & ", query.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => MedInfo.Store.Search.WordStems.Of(w).ToLowerInvariant() + ":*"));

    private static async Task<int> RawAsync(NpgsqlConnection connection, string tsQuery)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT "LetterId", ts_headline('simple', "Summary" || ' ' || "Body", q, 'MaxFragments=1'), ts_rank("Document", q) AS r
            FROM "LetterSearch", to_tsquery('simple', @q) q WHERE "Document" @@ q ORDER BY r DESC LIMIT 50
            """, connection);
        command.Parameters.AddWithValue("q", tsQuery);
        return await SearchBench.ReadHitsAsync(command);
    }
}

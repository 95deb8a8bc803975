using System.Diagnostics;
using MedInfo.Store;
using MedInfo.Import;
using MedInfo.Testing;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The scale-out store on a throwaway local PostgreSQL server (the one the tests start): a cold import of the
/// corpus against the same import into SQLite, and the search bench's measures (index built from this store,
/// search and suggestions against the bare engine).
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
                Report.Times(sqliteSeconds / postgresSeconds) + " speed", ">= 0.7x SQLite", sqliteSeconds / postgresSeconds >= 0.7));

            await SearchBench.MeasureAsync(StoreSetup.CreateFactory(postgres), "PostgreSQL", workspace.Letters, goalMs: 10, buildAnchorSeconds: 18, rounds: 40, report);
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

}

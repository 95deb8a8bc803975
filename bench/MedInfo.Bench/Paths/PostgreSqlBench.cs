using MedInfo.Store;
using MedInfo.Testing;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The scale-out store on a throwaway local PostgreSQL server (the one the tests start): a cold import of the
/// corpus by `medinfo import` (published, a new process, as an operator runs it) into an empty database, against the
/// same command into a new SQLite store, by turns, three times each; and the search bench's measures (index built
/// from this store, search and suggestions against the bare engine). Each import is a new process on both sides, so
/// neither pays for compiling what the other already compiled.
/// </summary>
public static class PostgreSqlBench
{
    public static async Task RunAsync(Workspace workspace, string repository, Report report)
    {
        var server = new ThrowawayPostgreSql();
        await server.StartAsync();
        try
        {
            var medinfo = Path.Combine(ImportBench.PublishCommand(workspace, repository), "medinfo.dll");
            StoreConnection? postgres = null;
            var runs = await Turns.RunAsync(
                async () =>
                {
                    postgres = await server.CreateAsync(workspace.Path("store-postgres")); // empty for each run
                    return ImportBench.AfterWriteBack(() => ImportBench.CommandImport(workspace, medinfo, postgres.ConnectionString));
                },
                () => Task.FromResult(ImportBench.AfterWriteBack(() => ImportBench.CommandImport(workspace, medinfo))));
            var (postgresSeconds, postgresText) = ImportBench.Median(runs[0]);
            var (sqliteSeconds, sqliteText) = ImportBench.Median(runs[1]);
            report.Add(new BenchRow($"Import {workspace.Letters:N0} letters into PostgreSQL, cold, `medinfo import`",
                Report.Number(workspace.Letters / postgresSeconds, "letters/s") + $" ({postgresText})",
                $"SQLite {Report.Number(workspace.Letters / sqliteSeconds, "letters/s")} ({sqliteText})",
                Report.Times(sqliteSeconds / postgresSeconds) + " speed", ">= 0.7x SQLite", sqliteSeconds / postgresSeconds >= 0.7));

            await SearchBench.MeasureAsync(StoreSetup.CreateFactory(postgres!), "PostgreSQL", workspace.Letters, goalMs: 10, buildAnchorSeconds: 18, rounds: 40, report);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

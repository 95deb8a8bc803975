using System.Globalization;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedInfo.Store.Engines;

/// <summary>The embedded store: one SQLite file, WAL so readers read while an import writes, FTS5 for search.</summary>
internal sealed class SqliteEngine : IStoreEngine
{
    public ISearchRows SearchRows { get; } = new SqliteSearchRows();

    /// <summary>
    /// Refuses a file that is not a store, clears a migration lock left by a process that died, applies what is
    /// pending under EF Core's lock (only taken when there is something to apply), and switches to WAL.
    /// </summary>
    public async Task MigrateAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        await RefuseAFileThatIsNotAStoreAsync(db, cancellationToken).ConfigureAwait(false);
        await MigrationLock.ReleaseIfStaleAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await UseWalAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store's journal: WAL, so that readers read while an import writes (kept in the file once set).</summary>
    internal static Task UseWalAsync(MedInfoDb db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>
    /// SQLite lets one writer in at a time by itself: a write transaction waits for the file's lock. An import's
    /// connection gets SQLite's default page cache for its transaction (<see cref="SqliteCacheSize"/>).
    /// </summary>
    public Task TakeTurnAsync(MedInfoDb db, WriterTurn turn, CancellationToken cancellationToken)
    {
        if (turn == WriterTurn.Import)
        {
            SqliteCacheSize.ForImport(db.Database.GetDbConnection());
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc cref="SqliteFirstLoad"/>
    public Task<IAsyncDisposable> BeginFirstLoadAsync(MedInfoDb db, CancellationToken cancellationToken) =>
        SqliteFirstLoad.BeginAsync(db, cancellationToken);

    /// <summary>One prepared command (returning the generated key when it is wanted back): SQLite runs in this process, so a row costs no round trip.</summary>
    public async Task InsertAsync<TEntity>(MedInfoDb db, IReadOnlyList<TEntity> rows, bool keysBack, CancellationToken cancellationToken)
        where TEntity : class
    {
        var columns = EntityColumns<TEntity>.Of(db, keysBack);
        var sql = $"INSERT INTO \"{columns.Table}\" ({string.Join(", ", columns.Names.Select(n => $"\"{n}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Names.Select((_, i) => PreparedInsert.Placeholder(i)))})" +
            (columns.Key is { } key ? $" RETURNING \"{key}\"" : "");
        await using var insert = await PreparedInsert.PrepareAsync(db, sql, columns.Names.Count, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var values = columns.ValuesOf(row);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (columns.Key is null)
            {
                await insert.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                columns.SetKey(row, (await insert.RunScalarAsync(cancellationToken).ConfigureAwait(false))!);
            }
        }
    }

    /// <summary>
    /// A new store is made only where there is no file. A file that is there but empty (truncated) or holds no
    /// migration history is refused: migrating it would silently start a new store over a lost one, letters'
    /// history and audit trail gone without an alarm.
    /// </summary>
    private static async Task RefuseAFileThatIsNotAStoreAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || !File.Exists(path))
        {
            return;
        }

        var advice = $"A new store is only made where there is no file. Put the last backup in place with 'medinfo restore FILE', " +
            $"or, to start a new store on purpose, move {path} away and start again.";
        if (new FileInfo(path).Length == 0)
        {
            throw new StoreProblemException($"The store file {path} is empty (0 bytes): its letters, versions and audit trail are gone. {advice}");
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            // EF Core's lock table alone is a first start that died before its first migration: that store is ours.
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', '__EFMigrationsLock')";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                throw new StoreProblemException($"The file {path} is not a MedInfo store (it has no migration history). {advice}");
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }
}

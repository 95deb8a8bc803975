using System.Globalization;
using MedInfo.Letters;
using MedInfo.Store.Entities;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedInfo.Store.Engines;

/// <summary>The embedded store: one SQLite file, WAL so readers read while an import writes, FTS5 for search.</summary>
internal sealed class SqliteEngine : IStoreEngine
{
    private static readonly (string Name, System.Data.DbType Type)[] ReferenceParameters =
    [
        ("@version", System.Data.DbType.Int32), ("@number", System.Data.DbType.Int32), ("@key", System.Data.DbType.String),
        ("@text", System.Data.DbType.String), ("@pmid", System.Data.DbType.String), ("@doi", System.Data.DbType.String),
    ];

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

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SQLite lets one writer in at a time by itself: a write transaction waits for the file's lock.</summary>
    public Task TakeTurnAsync(MedInfoDb db, WriterTurn turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One prepared command, each row's key returned: SQLite runs in this process, so a row costs no round trip.</summary>
    public async Task InsertVersionsAsync(MedInfoDb db, IReadOnlyList<StoredLetterVersion> versions, CancellationToken cancellationToken)
    {
        var columns = EntityColumns<StoredLetterVersion>.Of(db);
        var sql = $"INSERT INTO \"{columns.Table}\" ({string.Join(", ", columns.Names.Select(n => $"\"{n}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Names.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) RETURNING \"{columns.Key}\"";
        await using var insert = await PreparedInsert.PrepareAsync(db, sql, columns.Names.Count, cancellationToken).ConfigureAwait(false);
        foreach (var version in versions)
        {
            var values = columns.ValuesOf(version);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            version.Id = Convert.ToInt32(await insert.RunScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One prepared command: a letter has a dozen or more references, and row-by-row tracking was most of a large import.</summary>
    public async Task InsertReferencesAsync(MedInfoDb db, IEnumerable<(int VersionId, IReadOnlyList<Reference> References)> versions, CancellationToken cancellationToken)
    {
        await using var insert = await PreparedInsert.PrepareAsync(db,
            "INSERT INTO \"References\" (\"LetterVersionId\", \"Number\", \"Key\", \"Text\", \"PubMedId\", \"Doi\") VALUES (@version, @number, @key, @text, @pmid, @doi)",
            ReferenceParameters, cancellationToken).ConfigureAwait(false);
        var parameters = insert.Parameters;
        foreach (var (versionId, references) in versions)
        {
            foreach (var reference in references)
            {
                parameters[0].Value = versionId;
                parameters[1].Value = reference.Number;
                parameters[2].Value = reference.Key;
                parameters[3].Value = reference.Text;
                parameters[4].Value = (object?)reference.PubMedId ?? DBNull.Value;
                parameters[5].Value = (object?)reference.Doi ?? DBNull.Value;
                await insert.RunAsync(cancellationToken).ConfigureAwait(false);
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

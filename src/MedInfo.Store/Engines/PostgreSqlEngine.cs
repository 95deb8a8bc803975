using MedInfo.Letters;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace MedInfo.Store.Engines;

/// <summary>
/// The scale-out store: several portals share one PostgreSQL database, so writers take turns by advisory locks,
/// bulk rows go in by binary COPY (each row would be a round trip), and search is a tsvector under a GIN index.
/// </summary>
internal sealed class PostgreSqlEngine : IStoreEngine
{
    /// <summary>The advisory lock that lets one import at a time run (any fixed number; "MIIMPORT" in ASCII).</summary>
    private const long ImportLockKey = 0x4D49_494D_504F_5254;

    /// <summary>The advisory lock that orders the audit chain's writers (any fixed number; "MIAUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4D49_4155_4449_54;

    /// <summary>The advisory lock for copying keys into the key ring (any fixed number; "MIKEYS" in ASCII).</summary>
    private const long KeyRingLockKey = 0x4D49_4B45_5953;

    /// <summary>The advisory lock for applying migrations (any fixed number; "MIMIGRAT" in ASCII).</summary>
    private const long MigrationLockKey = 0x4D49_4D49_4752_4154;

    public ISearchRows SearchRows { get; } = new PostgreSqlSearchRows();

    /// <summary>
    /// All pending migrations in one transaction that holds the migration turn, checked again once the turn is
    /// held: EF Core's own lock is taken per migration, so portals starting together interleaved them and one failed
    /// ("column already exists"). Transaction-level, so it holds behind PgBouncer's transaction pooling too; and
    /// PostgreSQL's DDL is transactional, so a failed start leaves the schema as it was.
    /// </summary>
    public async Task MigrateAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        await CreateHistoryTableAsync(db, cancellationToken).ConfigureAwait(false);
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await TakeTurnAsync(db, WriterTurn.Migration, cancellationToken).ConfigureAwait(false);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// EF Core reads PostgreSQL's migration history before it creates the table, and logs each such read on an empty
    /// database as a failed command: an alarming first start. Creating the table first avoids it.
    /// </summary>
    private static async Task CreateHistoryTableAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another portal starting at the same moment created it; the migration turn orders the rest.
        }
    }

    /// <summary>
    /// A transaction-level advisory lock, released when the transaction ends (or its session dies). Never a
    /// session-level one: behind PgBouncer's transaction pooling it would stay on a server session nobody holds.
    /// </summary>
    public async Task TakeTurnAsync(MedInfoDb db, WriterTurn turn, CancellationToken cancellationToken)
    {
        var key = turn switch
        {
            WriterTurn.Import => ImportLockKey,
            WriterTurn.AuditChain => ChainLockKey,
            WriterTurn.KeyRing => KeyRingLockKey,
            _ => MigrationLockKey,
        };
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
    }

    public async Task InsertReferencesAsync(MedInfoDb db, IEnumerable<(int VersionId, Letter Letter)> versions, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"References\" (\"LetterVersionId\", \"Number\", \"Key\", \"Text\", \"PubMedId\", \"Doi\") FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var (versionId, letter) in versions)
        {
            foreach (var reference in letter.References)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(versionId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Number, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextOrNullAsync(copy, reference.PubMedId, cancellationToken).ConfigureAwait(false);
                await WriteTextOrNullAsync(copy, reference.Doi, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteTextOrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}

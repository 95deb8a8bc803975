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

    public IFullTextDialect FullText { get; } = new PostgreSqlFullText();

    /// <summary>
    /// EF Core reads PostgreSQL's migration history before it creates the table, and logs each such read on an empty
    /// database as a failed command: an alarming first start. Creating the table first avoids it. (PostgreSQL's
    /// migration lock ends with its session, so nothing is left behind by a process that died.)
    /// </summary>
    public async Task BeforeMigrateAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another portal starting at the same moment created it; the migration lock orders the rest.
        }
    }

    public Task AfterMigrateAsync(MedInfoDb db, CancellationToken cancellationToken) => Task.CompletedTask;

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
            _ => KeyRingLockKey,
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

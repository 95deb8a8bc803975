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

    /// <summary>Nothing to ready: COPY writes each row once whatever the database holds, and other portals keep reading.</summary>
    public Task<IAsyncDisposable> BeginFirstLoadAsync(MedInfoDb db, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    /// <summary>
    /// One binary COPY (a statement per row would cost a round trip each). A generated key is taken from its column's
    /// sequence first, for every row in one query, as the identity column would have assigned it.
    /// </summary>
    public async Task InsertAsync<TEntity>(MedInfoDb db, IReadOnlyList<TEntity> rows, bool keysBack, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = EntityColumns<TEntity>.Of(db, keysBack);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var keys = columns.Key is { } key ? await ReserveKeysAsync(connection, columns.Table, key, rows.Count, cancellationToken).ConfigureAwait(false) : null;
        var names = (keys is null ? columns.Names : columns.Names.Prepend(columns.Key!)).Select(n => $"\"{n}\"");
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{columns.Table}\" ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        for (var row = 0; row < rows.Count; row++)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            if (keys is not null)
            {
                columns.SetKey(rows[row], keys[row]);
                await copy.WriteAsync(keys[row], NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            foreach (var value in columns.ValuesOf(rows[row]))
            {
                await WriteValueAsync(copy, value, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next <paramref name="count"/> keys of a table's identity column, in one query.</summary>
    private static async Task<List<int>> ReserveKeysAsync(NpgsqlConnection connection, string table, string key, int count, CancellationToken cancellationToken)
    {
        await using var reserve = connection.CreateCommand();
        reserve.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{key}'))::integer FROM generate_series(1, $1)";
        reserve.Parameters.Add(new NpgsqlParameter { Value = count });
        var keys = new List<int>(count);
        await using var reader = await reserve.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetInt32(0));
        }

        keys.Sort();
        return keys;
    }

    /// <summary>A value as EF Core sends it (after the model's conversions), in the binary form of its column's type.</summary>
    private static Task WriteValueAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        string text => copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        int number => copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        long number => copy.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        bool flag => copy.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        byte[] bytes => copy.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
        DateTime time => copy.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken),
        DateOnly date => copy.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
        _ => throw new NotSupportedException($"A bulk insert has no binary form for {value.GetType().Name} yet."),
    };
}

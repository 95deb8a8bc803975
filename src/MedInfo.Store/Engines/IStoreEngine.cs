using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MedInfo.Store.Engines;

/// <summary>
/// Everything that differs between the store's database engines, in one seam: how the store is readied around its
/// migrations, how writers take turns (imports, the audit chain), how rows are loaded in bulk, and the full-text
/// index. The rest of the store is the same EF Core code on both. SQLite is the embedded default (one process
/// writes at a time by the file's own lock); PostgreSQL serves several portals at once.
/// </summary>
internal interface IStoreEngine
{
    /// <summary>The full-text index in this engine's terms.</summary>
    ISearchRows SearchRows { get; }

    /// <summary>
    /// Applies the pending migrations, once however many processes start at the same moment, and readies the store
    /// for serving; refuses what must not be migrated.
    /// </summary>
    Task MigrateAsync(MedInfoDb db, CancellationToken cancellationToken);

    /// <summary>
    /// Inside a transaction: writers of <paramref name="turn"/> across every process using the store go one after
    /// another, each until its transaction ends. Transaction-level, so it holds behind a pooler that hands each
    /// transaction a different server session.
    /// </summary>
    Task TakeTurnAsync(MedInfoDb db, WriterTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Before the transaction of an import into a store that holds no letters yet (a new portal's first import, a
    /// new data folder): readies the engine for writing the whole library in one go. What it returns puts the
    /// engine back once the transaction has ended, committed or not.
    /// </summary>
    Task<IAsyncDisposable> BeginFirstLoadAsync(MedInfoDb db, CancellationToken cancellationToken);

    /// <summary>
    /// Rows of one entity type, inside the import's transaction, without EF Core's change tracking (a cold import
    /// writes tens of thousands: versions of tens of kilobytes each, their references, products and synonyms), with
    /// the values a tracked insert would write.
    /// </summary>
    /// <param name="keysBack">Set each row's generated key (the versions, which other rows point at); otherwise
    /// the store assigns keys nobody reads back.</param>
    Task InsertAsync<TEntity>(MedInfoDb db, IReadOnlyList<TEntity> rows, bool keysBack, CancellationToken cancellationToken)
        where TEntity : class;
}

/// <summary>What writers take turns at across processes.</summary>
internal enum WriterTurn
{
    /// <summary>Imports: each writes from what the one before wrote.</summary>
    Import,

    /// <summary>The audit chain's writers (exports, request events): each record follows the one before.</summary>
    AuditChain,

    /// <summary>Copying home-folder keys into the store's key ring: each key once.</summary>
    KeyRing,

    /// <summary>Applying migrations: portals starting together apply each once.</summary>
    Migration,
}

/// <summary>Picks the engine a context runs on.</summary>
internal static class StoreEngine
{
    private static readonly SqliteEngine Sqlite = new();
    private static readonly PostgreSqlEngine PostgreSql = new();

    public static IStoreEngine For(DatabaseFacade database) => database.IsNpgsql() ? PostgreSql : Sqlite;

    public static IStoreEngine For(MedInfoDb db) => For(db.Database);
}

/// <summary>What an engine returns when it had nothing to ready.</summary>
internal sealed class NothingToUndo : IAsyncDisposable
{
    public static readonly NothingToUndo Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

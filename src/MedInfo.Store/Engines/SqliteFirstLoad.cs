using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Engines;

/// <summary>
/// The first import into an empty SQLite store writes straight into the file, under SQLite's rollback journal, and
/// the store goes back to WAL when it ends. Under WAL every page of the import (400 MB for 10,000 letters) is
/// written twice, into the log and then copied into the file; a rollback journal keeps only the pages the store
/// had before, which for an empty store are a few. WAL is there so that readers read while a writer writes; an
/// empty store has nothing to read yet, and SQLite only lets the journal change when no other connection, in any
/// process, has the file open: if one has, the import runs under WAL as any other. (A portal already serving an
/// empty store, staff at its request desk, say, has its readers wait for the import's commit instead.)
/// </summary>
internal sealed class SqliteFirstLoad : IAsyncDisposable
{
    private readonly MedInfoDb db;

    private SqliteFirstLoad(MedInfoDb db) => this.db = db;

    /// <summary>Switches the store to the rollback journal on <paramref name="db"/>'s connection, kept open until
    /// the load ends; nothing changes when another connection has the file open.</summary>
    public static async Task<IAsyncDisposable> BeginAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        // This process's idle pooled connections count as open: let them go (the next request opens new ones).
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        SqliteConnection.ClearPool(connection);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One attempt, straight through SQLite: a command would retry a busy statement for its whole timeout (30 s),
        // and a file another connection has open stays busy for as long as that connection lives. Refused, the
        // import runs under WAL.
        if (SQLitePCL.raw.sqlite3_exec(connection.Handle, "PRAGMA journal_mode = DELETE") == SQLitePCL.raw.SQLITE_OK
            && await JournalIsAsync(db, "DELETE").ConfigureAwait(false))
        {
            return new SqliteFirstLoad(db);
        }

        await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        return NothingToUndo.Instance;
    }

    /// <summary>Back to WAL, after the import's transaction has ended (so not cancelled with it).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await SqliteEngine.UseWalAsync(db, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException e) when (StoreProblem.IsMomentary(e))
        {
            // A reader held the file for longer than the busy timeout. The store is whole either way; the next
            // start's migration step (SqliteEngine.MigrateAsync) switches it to WAL.
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Not cancelled: once switched, the store must get its undo.</summary>
    private static async Task<bool> JournalIsAsync(MedInfoDb db, string mode)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var kept = await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) as string;
        return string.Equals(kept, mode, StringComparison.OrdinalIgnoreCase);
    }
}

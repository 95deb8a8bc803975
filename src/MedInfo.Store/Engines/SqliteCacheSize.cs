using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedInfo.Store.Engines;

/// <summary>
/// SQLite keeps a page cache for each connection (2 MB by default), and the pool keeps a connection for each
/// request that ran at once: copies of pages the system's file cache holds anyway, in the portal's memory. Each
/// connection gets a smaller cache, set once when SQLite opens it (a pooled connection keeps its settings, so
/// reopening it costs nothing). An import's transaction gets SQLite's default back (<see cref="ForImport"/>): it
/// writes thousands of letters through that cache.
/// </summary>
internal sealed class SqliteCacheSize : DbConnectionInterceptor
{
    private const int Kibibytes = 512;
    private const int ImportKibibytes = 2000;

    // The native connections already set, by the object that stands for each (it lives as long as the connection).
    private readonly ConditionalWeakTable<object, object> set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection); // SQLite runs in this process: there is nothing to wait for
        return Task.CompletedTask;
    }

    /// <summary>SQLite's default cache on the connection of an import (kept by that connection afterwards).</summary>
    public static void ForImport(DbConnection connection) => Set(connection, ImportKibibytes);

    private void Set(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || set.TryGetValue(handle, out _))
        {
            return;
        }

        Set(connection, Kibibytes);
        set.AddOrUpdate(handle, this);
    }

    private static void Set(DbConnection connection, int kibibytes)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{kibibytes}";
        command.ExecuteNonQuery();
    }
}

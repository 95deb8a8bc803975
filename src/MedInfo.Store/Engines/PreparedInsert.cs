using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedInfo.Store.Engines;

/// <summary>
/// One prepared INSERT on the context's connection, inside its transaction, for SQLite's bulk rows (an import's
/// versions, references and search rows): SQLite runs in this process, so a prepared statement per row costs no round trip, while EF Core's
/// change tracking of thousands of rows was most of a large import.
/// </summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly DbCommand command;

    private PreparedInsert(DbCommand command, DbParameter[] parameters)
    {
        this.command = command;
        Parameters = parameters;
    }

    /// <summary>The command's parameters, in the order given: set their values, then <see cref="RunAsync"/>.</summary>
    public DbParameter[] Parameters { get; }

    public static Task<PreparedInsert> PrepareAsync(MedInfoDb db, string sql, IReadOnlyList<(string Name, DbType Type)> parameters, CancellationToken cancellationToken) =>
        PrepareAsync(db, sql, parameters.Select(p => (p.Name, (DbType?)p.Type)), cancellationToken);

    /// <summary>The name of parameter <paramref name="index"/> of a command made by <see cref="PrepareAsync(MedInfoDb, string, int, CancellationToken)"/>.</summary>
    public static string Placeholder(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A command whose parameters, <see cref="Placeholder"/> 0, 1, ..., take their types from the values set (each as EF Core would send it).</summary>
    public static Task<PreparedInsert> PrepareAsync(MedInfoDb db, string sql, int parameterCount, CancellationToken cancellationToken) =>
        PrepareAsync(db, sql, Enumerable.Range(0, parameterCount).Select(i => (Placeholder(i), (DbType?)null)), cancellationToken);

    private static async Task<PreparedInsert> PrepareAsync(MedInfoDb db, string sql, IEnumerable<(string Name, DbType? Type)> parameters, CancellationToken cancellationToken)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var created = parameters.Select(p =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            if (p.Type is { } type)
            {
                parameter.DbType = type;
            }

            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return new PreparedInsert(command, created);
    }

    public Task<int> RunAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs an insert that returns one value (its generated key).</summary>
    public Task<object?> RunScalarAsync(CancellationToken cancellationToken) => command.ExecuteScalarAsync(cancellationToken);

    public ValueTask DisposeAsync() => command.DisposeAsync();
}

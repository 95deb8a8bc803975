using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedInfo.Store;

/// <summary>
/// The store cannot be used as it is, for a reason an operator must act on (an empty or foreign store file, a
/// lost or rolled-back audit trail). The message says what is wrong and what to do.
/// </summary>
public sealed class StoreProblemException(string message) : MedInfoException(message, ProblemKind.Misconfigured);

/// <summary>
/// Turns what goes wrong when the store is opened into one line that says what is wrong and what to do: the
/// portal's start-up and the command line say the same words for the same fault, never a stack trace.
/// </summary>
public static class StoreProblem
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// The store is there but cannot answer now (a timeout, every pooled connection taken, the server going away):
    /// worth a 503 and a retry, not a 500.
    /// </summary>
    public static bool IsMomentary(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>One line for a failure the operator can fix; null for anything else (a bug, shown whole).</summary>
    public static string? Describe(Exception exception, StoreConnection? store, string? dataDirectory)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Describe1(e, store, dataDirectory) is { } line)
            {
                return line;
            }
        }

        return null;
    }

    private static string? Describe1(Exception e, StoreConnection? store, string? dataDirectory) => e switch
    {
        MedInfoException => e.Message,
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } =>
            $"The store file ({Where(store)}) is damaged: {e.Message} Stop the portal and put the last backup in place with " +
            "'medinfo restore FILE' (the damaged file is kept beside it).",
        SqliteException { SqliteErrorCode: SqlitePermission or SqliteReadOnly or SqliteCannotOpen or SqliteIoError } => Permission(dataDirectory, e.Message),
        UnauthorizedAccessException => Permission(dataDirectory, e.Message),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            $"PostgreSQL refused the sign-in ({Where(store)}): {e.Message} Check the user name and password in MEDINFO_POSTGRES (or ConnectionStrings:PostgreSql).",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            $"The PostgreSQL database does not exist ({Where(store)}): create it first (createdb), then start again.",
        DbException or NpgsqlException => $"The store does not answer: {e.Message} ({Where(store)})",
        _ => null,
    };

    private static string Permission(string? dataDirectory, string detail) =>
        $"No permission to use the data folder {dataDirectory ?? "(unknown)"}: the user running MedInfo ({Environment.UserName}) needs " +
        $"read and write access to the folder and to {StoreLocation.FileName} in it (SQLite also writes {StoreLocation.FileName}-wal " +
        $"and -shm beside it; the PDF cache and the audit checkpoint live there too). {detail}";

    private static string Where(StoreConnection? store) => store?.Description ?? "the store";
}

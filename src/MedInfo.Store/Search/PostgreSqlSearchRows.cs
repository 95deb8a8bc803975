using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MedInfo.Store.Search;

/// <summary>
/// The PostgreSQL search rows: table "LetterSearch" keyed by version id, the fields the portal's
/// <see cref="LetterIndex"/> is built from. A plain table: the index does the searching, so the server no longer
/// builds a tsvector (and its GIN entries) for every body.
/// </summary>
internal sealed class PostgreSqlSearchRows : ISearchRows
{
    public IQueryable<IndexedText> Texts(MedInfoDb db) =>
        db.Database.SqlQueryRaw<IndexedText>("""SELECT "VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords" FROM "LetterSearch" """);

    /// <summary>All rows in one binary COPY: a statement per letter would cost a round trip each.</summary>
    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<IndexedText> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "LetterSearch" ("VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords") FROM STDIN (FORMAT BINARY)""",
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.VersionId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            foreach (var text in new[] { row.LetterId, row.Title, row.Products, row.Summary, row.Body, row.Keywords })
            {
                await copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "LetterSearch" WHERE "VersionId" = {versionId}""", cancellationToken);

    public async Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "LetterSearch" WHERE "LetterId" = {letterId}""", cancellationToken).ConfigureAwait(false);
}

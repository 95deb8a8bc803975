using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// The SQLite search rows: table LetterSearch keyed by version id, the fields the portal's <see cref="LetterIndex"/>
/// is built from. A plain table: the index does the searching, so the store no longer tokenises every body.
/// </summary>
internal sealed class SqliteSearchRows : ISearchRows
{
    private static readonly (string Name, System.Data.DbType Type)[] Columns =
    [
        ("@version", System.Data.DbType.Int32), ("@letter", System.Data.DbType.String), ("@title", System.Data.DbType.String),
        ("@products", System.Data.DbType.String), ("@summary", System.Data.DbType.String), ("@body", System.Data.DbType.String),
        ("@keywords", System.Data.DbType.String),
    ];

    public IQueryable<IndexedText> Texts(MedInfoDb db) =>
        db.Database.SqlQueryRaw<IndexedText>("SELECT VersionId, LetterId, Title, Products, Summary, Body, Keywords FROM LetterSearch");

    /// <summary>One prepared command, inside the import's transaction: a cold import adds thousands of rows.</summary>
    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<IndexedText> rows, CancellationToken cancellationToken)
    {
        await using var insert = await Engines.PreparedInsert.PrepareAsync(db,
            "INSERT INTO LetterSearch (VersionId, LetterId, Title, Products, Summary, Body, Keywords) VALUES (@version, @letter, @title, @products, @summary, @body, @keywords)",
            Columns, cancellationToken).ConfigureAwait(false);
        var parameters = insert.Parameters;
        foreach (var row in rows)
        {
            parameters[0].Value = row.VersionId;
            parameters[1].Value = row.LetterId;
            parameters[2].Value = row.Title;
            parameters[3].Value = row.Products;
            parameters[4].Value = row.Summary;
            parameters[5].Value = row.Body;
            parameters[6].Value = row.Keywords;
            await insert.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE VersionId = {versionId}", cancellationToken);

    public async Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE LetterId = {letterId}", cancellationToken).ConfigureAwait(false);
}

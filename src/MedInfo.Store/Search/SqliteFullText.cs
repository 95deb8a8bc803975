using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// The FTS5 table LetterSearch. A row's rowid is its letter version's id: LetterId is an UNINDEXED column, so
/// deleting by it scans the whole table, while deleting by rowid does not.
/// </summary>
internal sealed class SqliteFullText : IFullTextDialect
{
    public IQueryable<IndexedText> Texts(MedInfoDb db) =>
        db.Database.SqlQueryRaw<IndexedText>("SELECT rowid AS VersionId, LetterId, Title, Products, Summary, Body, Keywords FROM LetterSearch");

    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<IndexedText> rows, CancellationToken cancellationToken)
    {
        // Statement by statement: SQLite runs in this process, so a statement costs no round trip.
        foreach (var letter in rows)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO LetterSearch (rowid, LetterId, Title, Products, Summary, Body, Keywords) VALUES ({letter.VersionId}, {letter.LetterId}, {letter.Title}, {letter.Products}, {letter.Summary}, {letter.Body}, {letter.Keywords})",
                cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE rowid = {versionId}", cancellationToken);

    public async Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE LetterId = {letterId}", cancellationToken).ConfigureAwait(false);
}

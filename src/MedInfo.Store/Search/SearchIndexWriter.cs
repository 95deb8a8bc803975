using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// Keeps the FTS5 table LetterSearch in step with the current version of each published letter. Runs inside the
/// import's transaction, so the index never disagrees with the letters. A row's rowid is its letter version's id:
/// LetterId is an UNINDEXED column, so deleting by it scans the whole index, while deleting by rowid does not.
/// </summary>
internal sealed class SearchIndexWriter(MedInfoDb db)
{
    /// <param name="letterId">The letter.</param>
    /// <param name="indexedVersionId">The version now in the index, if any (null for a new letter).</param>
    /// <param name="versionId">The version to index.</param>
    /// <param name="letter">Its model.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task ReplaceAsync(string letterId, int? indexedVersionId, int versionId, Letter letter, CancellationToken cancellationToken)
    {
        if (indexedVersionId is not null)
        {
            await RemoveAsync(letterId, indexedVersionId, cancellationToken).ConfigureAwait(false);
        }

        if (letter.Metadata.Status != LetterStatus.Published)
        {
            return;
        }

        var products = string.Join(" ; ", letter.Metadata.Products.Select(p => $"{p.Brand} {p.Generic}"));
        var summary = letter.Summary is { } s ? LetterPlainText.Body([s]) : string.Empty;
        var body = LetterPlainText.Body(letter.Sections.Where(x => x.Kind != SectionKind.Summary));
        var keywords = string.Join(" ; ", letter.Metadata.Keywords);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO LetterSearch (rowid, LetterId, Title, Products, Summary, Body, Keywords) VALUES ({versionId}, {letterId}, {letter.Metadata.Title}, {products}, {summary}, {body}, {keywords})",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string letterId, int? indexedVersionId, CancellationToken cancellationToken)
    {
        var removed = indexedVersionId is { } rowId
            ? await db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE rowid = {rowId}", cancellationToken).ConfigureAwait(false)
            : 0;
        if (removed == 0)
        {
            // A row written before rowids were version ids (or none at all): the slow way, rarely taken.
            await db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE LetterId = {letterId}", cancellationToken).ConfigureAwait(false);
        }
    }
}

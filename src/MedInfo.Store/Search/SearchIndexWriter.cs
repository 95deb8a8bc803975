using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>
/// Keeps the full-text index in step with the current version of each published letter. Runs inside the import's
/// transaction, so the index never disagrees with the letters. A row is keyed by its letter version's id.
/// </summary>
internal sealed class SearchIndexWriter(MedInfoDb db)
{
    private readonly IFullTextDialect dialect = FullTextDialect.For(db.Database);

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

        await dialect.InsertAsync(db, versionId, IndexedLetter.From(letterId, letter), cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string letterId, int? indexedVersionId, CancellationToken cancellationToken)
    {
        var removed = indexedVersionId is { } id ? await dialect.RemoveVersionAsync(db, id, cancellationToken).ConfigureAwait(false) : 0;
        if (removed == 0)
        {
            // A row written before rows were keyed by version id (or none at all): the slow way, rarely taken.
            await dialect.RemoveLetterAsync(db, letterId, cancellationToken).ConfigureAwait(false);
        }
    }
}

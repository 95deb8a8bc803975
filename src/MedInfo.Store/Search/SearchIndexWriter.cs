using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>A letter's version readers now see, for the index: the version indexed now (null for none) makes way for it.</summary>
internal sealed record IndexChange(string LetterId, int? IndexedVersionId, int VersionId, Letter Letter);

/// <summary>
/// Keeps the full-text index in step with the published version of each letter (what readers see). Runs inside the import's
/// transaction, so the index never disagrees with the letters. A row is keyed by its letter version's id.
/// </summary>
internal sealed class SearchIndexWriter(MedInfoDb db)
{
    private readonly IFullTextDialect dialect = Engines.StoreEngine.For(db).FullText;

    /// <summary>Removes the rows of the versions these replace, then adds the new ones, all in one go.</summary>
    public async Task ReplaceAsync(IReadOnlyList<IndexChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c.IndexedVersionId is not null))
        {
            await RemoveAsync(change.LetterId, change.IndexedVersionId, cancellationToken).ConfigureAwait(false);
        }

        var published = changes
            .Select(c => (c.VersionId, IndexedLetter.From(c.LetterId, c.Letter)))
            .ToList();
        if (published.Count > 0)
        {
            await dialect.InsertAsync(db, published, cancellationToken).ConfigureAwait(false);
        }
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

using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>A letter's version readers now see, for the index: the version indexed now (null for none) makes way for it.</summary>
internal sealed record IndexChange(string LetterId, int? IndexedVersionId, int VersionId, SearchText Text);

/// <summary>
/// Keeps the full-text index in step with the published version of each letter (what readers see). Runs inside the import's
/// transaction, so the index never disagrees with the letters. A row is keyed by its letter version's id.
/// </summary>
internal sealed class SearchIndexWriter(MedInfoDb db)
{
    private readonly Engines.IStoreEngine engine = Engines.StoreEngine.For(db);

    /// <summary>Removes the rows of the versions these replace, then adds the new ones, all in one go.</summary>
    public async Task ReplaceAsync(IReadOnlyList<IndexChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c.IndexedVersionId is not null))
        {
            await RemoveAsync(change.LetterId, change.IndexedVersionId, cancellationToken).ConfigureAwait(false);
        }

        var published = changes
            .Select(c => IndexedText.From(c.VersionId, c.LetterId, c.Text))
            .ToList();
        if (published.Count > 0)
        {
            await engine.SearchRows.InsertAsync(db, published, cancellationToken).ConfigureAwait(false);
        }

        var synonyms = changes
            .SelectMany(c => c.Text.Synonyms.Select(forms => new Entities.StoredSynonym { LetterVersionId = c.VersionId, Forms = forms }))
            .ToList();
        await engine.InsertAsync(db, synonyms, keysBack: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the editors' synonyms when the file says something else than the store holds.</summary>
    public async Task ReplaceEditorsSynonymsAsync(IReadOnlyList<IReadOnlyList<string>> groups, CancellationToken cancellationToken)
    {
        var wanted = groups.Select(g => string.Join('\n', g)).ToList();
        var held = await db.SearchSynonyms.Where(s => s.LetterVersionId == null).OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (held.Select(s => s.Forms).SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return;
        }

        db.SearchSynonyms.RemoveRange(held);
        db.SearchSynonyms.AddRange(wanted.Select(forms => new Entities.StoredSynonym { Forms = forms }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string letterId, int? indexedVersionId, CancellationToken cancellationToken)
    {
        if (indexedVersionId is { } versionId)
        {
            await db.SearchSynonyms.Where(s => s.LetterVersionId == versionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var removed = indexedVersionId is { } id ? await engine.SearchRows.RemoveVersionAsync(db, id, cancellationToken).ConfigureAwait(false) : 0;
        if (removed == 0)
        {
            // A row written before rows were keyed by version id (or none at all): the slow way, rarely taken.
            await engine.SearchRows.RemoveLetterAsync(db, letterId, cancellationToken).ConfigureAwait(false);
        }
    }
}

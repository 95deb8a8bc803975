using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MedInfo.Store.Search;

/// <summary>
/// A search row: a published letter version's searchable text, one field per weight, the same fields on every
/// engine. The import writes it; each portal's index is built from it.
/// </summary>
internal sealed record IndexedText(int VersionId, string LetterId, string Title, string Products, string Summary, string Body, string Keywords)
{
    public static IndexedText From(int versionId, string letterId, SearchText text) =>
        new(versionId, letterId, text.Title, text.Products, text.Summary, text.Body, text.Keywords);
}

/// <summary>
/// What is searched of a letter, taken from its model once: an import takes it while content/ is read, so it need
/// not hold thousands of models until it writes.
/// </summary>
/// <param name="Synonyms">The abbreviations its tables explain, each "term\nexpansion": they stand for their
/// expansions in every search while the letter is published.</param>
internal sealed record SearchText(string Title, string Products, string Summary, string Body, string Keywords, IReadOnlyList<string> Synonyms)
{
    public static SearchText From(Letter letter) => new(
        letter.Metadata.Title,
        string.Join(" ; ", letter.Metadata.Products.Select(p => $"{p.Brand} {p.Generic}")),
        letter.Summary is { } summary ? LetterPlainText.Body([summary]) : string.Empty,
        LetterPlainText.Body(letter.Sections.Where(x => x.Kind != SectionKind.Summary)),
        string.Join(" ; ", letter.Metadata.Keywords),
        letter.Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<DataTable>()
            .SelectMany(t => t.Abbreviations?.Entries ?? [])
            .Select(a => a.Term + "\n" + a.Expansion)
            .Distinct(StringComparer.Ordinal)
            .ToList());
}

/// <summary>
/// The store's search rows, one per published letter keyed by its version's id, written inside the import's
/// transaction: the durable copy of what is searched, from which each portal builds its <see cref="LetterIndex"/>.
/// A plain table on both engines; they differ in how thousands of rows go in at once.
/// </summary>
internal interface ISearchRows
{
    /// <summary>Every search row, to be filtered by version id.</summary>
    IQueryable<IndexedText> Texts(MedInfoDb db);

    /// <summary>Adds one row per version (a cold import adds thousands at once).</summary>
    Task InsertAsync(MedInfoDb db, IReadOnlyList<IndexedText> rows, CancellationToken cancellationToken);

    /// <summary>Removes the row of one version; returns how many rows went.</summary>
    Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken);

    /// <summary>Removes every row of a letter, the slow way: for rows whose version id is not known.</summary>
    Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken);
}

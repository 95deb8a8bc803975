using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MedInfo.Store.Search;

/// <summary>A published letter's searchable text, one field per weight: the same fields on every engine.</summary>
internal sealed record IndexedLetter(string LetterId, string Title, string Products, string Summary, string Body, string Keywords)
{
    public static IndexedLetter From(string letterId, Letter letter) => new(
        letterId,
        letter.Metadata.Title,
        string.Join(" ; ", letter.Metadata.Products.Select(p => $"{p.Brand} {p.Generic}")),
        letter.Summary is { } summary ? LetterPlainText.Body([summary]) : string.Empty,
        LetterPlainText.Body(letter.Sections.Where(x => x.Kind != SectionKind.Summary)),
        string.Join(" ; ", letter.Metadata.Keywords));
}

/// <summary>
/// The full-text index in one engine's own terms: SQLite's FTS5 table or PostgreSQL's tsvector column. Both key a
/// row by the indexed version's id, weigh title, products and keywords above summary and body, and take only the
/// words a person typed (never the engine's query syntax).
/// </summary>
internal interface IFullTextDialect
{
    /// <summary>The best <paramref name="limit"/> published letters that contain every word (or a word starting so;
    /// with <paramref name="anyWord"/>, at least one), best first; with <paramref name="patientLettersOnly"/>, only
    /// letters written for patients.</summary>
    Task<List<SearchHit>> SearchAsync(MedInfoDb db, IReadOnlyList<string> words, bool anyWord, bool patientLettersOnly, string? productSlug, string? documentKind, int limit, CancellationToken cancellationToken);

    /// <summary>Adds one row per version (a cold import adds thousands at once).</summary>
    Task InsertAsync(MedInfoDb db, IReadOnlyList<(int VersionId, IndexedLetter Letter)> rows, CancellationToken cancellationToken);

    /// <summary>Removes the row of one version; returns how many rows went.</summary>
    Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken);

    /// <summary>Removes every row of a letter, the slow way: for rows whose version id is not known.</summary>
    Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken);
}

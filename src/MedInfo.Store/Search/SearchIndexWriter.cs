using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// Keeps the FTS5 table LetterSearch in step with the current version of each published letter. Runs inside the
/// import's transaction, so the index never disagrees with the letters.
/// </summary>
internal sealed class SearchIndexWriter(MedInfoDb db)
{
    public async Task ReplaceAsync(string letterId, Letter letter, CancellationToken cancellationToken)
    {
        await RemoveAsync(letterId, cancellationToken).ConfigureAwait(false);
        if (letter.Metadata.Status != LetterStatus.Published)
        {
            return;
        }

        var products = string.Join(" ; ", letter.Metadata.Products.Select(p => $"{p.Brand} {p.Generic}"));
        var summary = letter.Summary is { } s ? LetterPlainText.Body([s]) : string.Empty;
        var body = LetterPlainText.Body(letter.Sections.Where(x => x.Kind != SectionKind.Summary));
        var keywords = string.Join(" ; ", letter.Metadata.Keywords);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO LetterSearch (LetterId, Title, Products, Summary, Body, Keywords) VALUES ({letterId}, {letter.Metadata.Title}, {products}, {summary}, {body}, {keywords})",
            cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveAsync(string letterId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE LetterId = {letterId}", cancellationToken);
}

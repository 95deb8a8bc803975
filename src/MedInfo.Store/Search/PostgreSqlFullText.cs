using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MedInfo.Store.Search;

/// <summary>
/// The PostgreSQL search rows: table "LetterSearch" keyed by version id, with the original fields and a weighted
/// tsvector under a GIN index (lower case, diacritics removed, the 'simple' configuration), as SQLite's FTS5 table
/// keeps them, so either can be searched by hand in SQL; the portal searches its <see cref="LetterIndex"/>.
/// </summary>
internal sealed class PostgreSqlFullText : IFullTextDialect
{
    public IQueryable<IndexedText> Texts(MedInfoDb db) =>
        db.Database.SqlQueryRaw<IndexedText>("""SELECT "VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords" FROM "LetterSearch" """);

    /// <summary>
    /// All rows in one binary COPY into a temporary table, then one INSERT that builds every tsvector: a statement
    /// per letter cost a round trip each and most of a cold import's time.
    /// </summary>
    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<IndexedText> rows, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            CREATE TEMPORARY TABLE IF NOT EXISTS medinfo_search_load (
                "VersionId" integer, "LetterId" text, "Title" text, "Products" text, "Summary" text, "Body" text, "Keywords" text,
                title_words text, product_words text, keyword_words text, summary_words text, body_words text) ON COMMIT DROP;
            TRUNCATE medinfo_search_load;
            """,
            cancellationToken).ConfigureAwait(false);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY medinfo_search_load FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var letter in rows)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(letter.VersionId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                foreach (var text in new[]
                {
                    letter.LetterId, letter.Title, letter.Products, letter.Summary, letter.Body, letter.Keywords,
                    Fold(letter.Title), Fold(letter.Products), Fold(letter.Keywords), Fold(letter.Summary), Fold(letter.Body),
                })
                {
                    await copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "LetterSearch" ("VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords", "Document")
            SELECT "VersionId", "LetterId", "Title", "Products", "Summary", "Body", "Keywords",
                   setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', product_words), 'A') ||
                   setweight(to_tsvector('simple', keyword_words), 'B') || setweight(to_tsvector('simple', summary_words), 'C') ||
                   setweight(to_tsvector('simple', body_words), 'D')
            FROM medinfo_search_load;
            """,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "LetterSearch" WHERE "VersionId" = {versionId}""", cancellationToken);

    public async Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "LetterSearch" WHERE "LetterId" = {letterId}""", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The text as the index sees it: words of letters and digits (as FTS5's unicode61 tokenizer splits them), lower
    /// case, without diacritics ("Waldenström" is found by "waldenstrom").
    /// </summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // The same characters as LetterSearch's word pattern [\p{L}\p{N}]: anything else separates words.
            folded.Append(char.IsLetter(c) || char.IsNumber(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString();
    }
}

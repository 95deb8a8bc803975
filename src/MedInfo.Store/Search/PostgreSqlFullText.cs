using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MedInfo.Store.Search;

/// <summary>
/// The PostgreSQL index: table "LetterSearch" keyed by version id, with the original fields (for snippets) and a
/// weighted tsvector under a GIN index. The tsvector is built from the same words the query takes (letters and
/// digits, lower case, diacritics removed, the 'simple' configuration: no stemming, no stop words), so a search
/// finds on PostgreSQL what it finds on SQLite's FTS5.
/// </summary>
internal sealed class PostgreSqlFullText : IFullTextDialect
{
    /// <summary>["Darzalex", "POEMS"] becomes <c>darzalex:* &amp; poems:*</c>. Terms hold only letters and digits, so no operator gets in.</summary>
    public static string ToQuery(IReadOnlyList<string> words, string join = " & ") =>
        string.Join(join, words.SelectMany(w => Fold(w).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(t => t + ":*"));

    public Task<List<SearchHit>> SearchAsync(MedInfoDb db, IReadOnlyList<string> words, bool anyWord, bool patientLettersOnly, string? productSlug, string? documentKind, int limit, CancellationToken cancellationToken)
    {
        var query = ToQuery(words, anyWord ? " | " : " & ");

        // The snippet marks any of the words: with all of them required, ts_headline finds no passage when one word
        // is only in the title or products, and shows the text's start with nothing marked. It comes from the
        // summary when a word is there (as on SQLite), else from the body: a headline costs a parse of its whole
        // text, and the body is ten times the summary.
        var anyWordQuery = ToQuery(words, " | ");
        var headline = string.Create(CultureInfo.InvariantCulture, $"StartSel={LetterSearch.MarkStart}, StopSel={LetterSearch.MarkEnd}, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1");
        var filtered = productSlug is not null || documentKind is not null || patientLettersOnly;

        // As on SQLite: rank on the index alone (weights for D body, C summary, B keywords, A title and products),
        // keep the best few, then fetch fields and snippets for those.
        return db.Database
            .SqlQuery<SearchHit>($"""
                WITH q AS (SELECT to_tsquery('simple', {query}) AS query, to_tsquery('simple', {anyWordQuery}) AS any_word),
                top AS MATERIALIZED (
                    SELECT t."VersionId", ts_rank(ARRAY[0.1, 0.4, 0.6, 1.0]::float4[], t."Document", q.query) AS "Score"
                    FROM "LetterSearch" t, q
                    WHERE t."Document" @@ q.query
                      AND (NOT {filtered} OR EXISTS (
                            SELECT 1 FROM "LetterVersions" tv
                            WHERE tv."Id" = t."VersionId"
                              AND (NOT {patientLettersOnly} OR tv."Audience" = 'patient')
                              AND (CAST({documentKind} AS text) IS NULL OR tv."DocumentKind" = CAST({documentKind} AS text))
                              AND (CAST({productSlug} AS text) IS NULL OR EXISTS (
                                    SELECT 1 FROM "LetterVersionProducts" lp JOIN "Products" p ON p."Id" = lp."ProductId"
                                    WHERE lp."LetterVersionId" = tv."Id" AND p."Slug" = CAST({productSlug} AS text)))))
                    ORDER BY "Score" DESC, t."VersionId"
                    LIMIT {limit})
                SELECT s."LetterId" AS "LetterId", v."Title" AS "Title", v."DocumentKind" AS "DocumentKind", v."LastUpdated" AS "LastUpdated",
                       s."Products" AS "Products",
                       CASE WHEN strpos(summary.headline, {LetterSearch.MarkStart.ToString()}) > 0 THEN summary.headline
                            ELSE ts_headline('simple', s."Body", q.any_word, {headline}) END AS "Snippet",
                       CAST(-top."Score" AS float8) AS "Rank",
                       v."Audience" = 'patient' AS "ForPatients"
                FROM top
                JOIN "LetterSearch" s ON s."VersionId" = top."VersionId"
                JOIN "LetterVersions" v ON v."Id" = top."VersionId"
                CROSS JOIN q
                CROSS JOIN LATERAL (SELECT ts_headline('simple', s."Summary", q.any_word, {headline}) AS headline) summary
                ORDER BY "Rank", s."LetterId"
                """)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// All rows in one binary COPY into a temporary table, then one INSERT that builds every tsvector: a statement
    /// per letter cost a round trip each and most of a cold import's time.
    /// </summary>
    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<(int VersionId, IndexedLetter Letter)> rows, CancellationToken cancellationToken)
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
            foreach (var (versionId, letter) in rows)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(versionId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
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

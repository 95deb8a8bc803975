using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// The FTS5 table LetterSearch (unicode61 tokens, diacritics removed), ranked with bm25, title and products weighing
/// most. A row's rowid is its letter version's id: LetterId is an UNINDEXED column, so deleting by it scans the
/// whole index, while deleting by rowid does not.
/// </summary>
internal sealed class SqliteFullText : IFullTextDialect
{
    /// <summary>["Darzalex", "POEMS"] becomes <c>"Darzalex"* "POEMS"*</c>: every word must match, as a word or a word's start.</summary>
    public static string ToQuery(IReadOnlyList<string> words, bool anyWord = false) => string.Join(anyWord ? " OR " : " ", words.Select(w => $"\"{w}\"*"));

    public Task<List<SearchHit>> SearchAsync(MedInfoDb db, IReadOnlyList<string> words, bool anyWord, bool patientLettersOnly, string? productSlug, string? documentKind, int limit, CancellationToken cancellationToken)
    {
        var query = ToQuery(words, anyWord);
        var start = LetterSearch.MarkStart.ToString();
        var end = LetterSearch.MarkEnd.ToString();

        // Rank first, on the index alone (joined to versions only when a filter needs them), and keep the best
        // few; only those get their version's fields and a snippet, which costs more per row than ranking.
        // The snippet comes from the summary or the body where a word was found there (a passage says more than
        // the title or product names, which the results show anyway), else from the best column.
        var filtered = productSlug is not null || documentKind is not null || patientLettersOnly;
        return db.Database
            .SqlQuery<SearchHit>($"""
                WITH top AS MATERIALIZED (
                    SELECT t.rowid AS VersionId FROM LetterSearch t
                    WHERE t.LetterSearch MATCH {query}
                      AND ({filtered} = 0 OR EXISTS (
                            SELECT 1 FROM LetterVersions tv
                            WHERE tv.Id = t.rowid
                              AND ({patientLettersOnly} = 0 OR tv.Audience = 'patient')
                              AND ({documentKind} IS NULL OR tv.DocumentKind = {documentKind})
                              AND ({productSlug} IS NULL OR EXISTS (
                                    SELECT 1 FROM LetterVersionProducts lp JOIN Products p ON p.Id = lp.ProductId
                                    WHERE lp.LetterVersionId = tv.Id AND p.Slug = {productSlug}))))
                    ORDER BY bm25(t.LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0)
                    LIMIT {limit})
                SELECT s.LetterId AS LetterId, v.Title AS Title, v.DocumentKind AS DocumentKind, v.LastUpdated AS LastUpdated,
                       s.Products AS Products,
                       CASE WHEN instr(snippet(s.LetterSearch, 3, {start}, {end}, '…', 24), {start}) > 0 THEN snippet(s.LetterSearch, 3, {start}, {end}, '…', 24)
                            WHEN instr(snippet(s.LetterSearch, 4, {start}, {end}, '…', 24), {start}) > 0 THEN snippet(s.LetterSearch, 4, {start}, {end}, '…', 24)
                            ELSE snippet(s.LetterSearch, -1, {start}, {end}, '…', 24) END AS Snippet,
                       bm25(s.LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0) AS Rank,
                       v.Audience = 'patient' AS ForPatients
                FROM top
                JOIN LetterSearch s ON s.rowid = top.VersionId
                JOIN LetterVersions v ON v.Id = top.VersionId
                WHERE s.LetterSearch MATCH {query}
                ORDER BY Rank
                """)
            .ToListAsync(cancellationToken);
    }

    public async Task InsertAsync(MedInfoDb db, IReadOnlyList<(int VersionId, IndexedLetter Letter)> rows, CancellationToken cancellationToken)
    {
        // Statement by statement: SQLite runs in this process, so a statement costs no round trip.
        foreach (var (versionId, letter) in rows)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO LetterSearch (rowid, LetterId, Title, Products, Summary, Body, Keywords) VALUES ({versionId}, {letter.LetterId}, {letter.Title}, {letter.Products}, {letter.Summary}, {letter.Body}, {letter.Keywords})",
                cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<int> RemoveVersionAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE rowid = {versionId}", cancellationToken);

    public async Task RemoveLetterAsync(MedInfoDb db, string letterId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM LetterSearch WHERE LetterId = {letterId}", cancellationToken).ConfigureAwait(false);
}

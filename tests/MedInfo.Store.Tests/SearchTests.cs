using MedInfo.Letters;
using MedInfo.Store.Search;

namespace MedInfo.Store.Tests;

/// <summary>What a reader sees of search, the same on every engine: accents and case do not matter, titles and
/// products rank above a passing mention, filters narrow, snippets mark the words found.</summary>
public abstract class SearchTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        store.Write("a.md", SyntheticLetters.Letter("letter-a", brand: "QUORVEX®", generic: "quorvimab", sentence: "Seen in Waldenström macroglobulinaemia."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b", sentence: "Compared with quorvex in an invented trial."));
        store.Write("c.md", SyntheticLetters.Letter("letter-c", sentence: "Not yet published.", status: "draft"));
        var report = await store.ImportAsync();
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Theory]
    [InlineData("waldenstrom")]
    [InlineData("Waldenström")]
    [InlineData("WALDEN")]
    [InlineData("macroglobulinaemia waldenstrom")]
    public async Task Words_are_found_whatever_their_case_or_accents(string text)
    {
        var hits = await store.Search.SearchAsync(Readership.HealthcareProfessional, text);

        Assert.Equal("letter-a", Assert.Single(hits).LetterId);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "waldenstrom examplumab"));
    }

    [Fact]
    public async Task A_letter_about_the_product_ranks_above_one_that_mentions_it()
    {
        var hits = await store.Search.SearchAsync(Readership.HealthcareProfessional, "quorvex");

        Assert.Equal(["letter-a", "letter-b"], hits.Select(h => h.LetterId));
        Assert.True(hits[0].Rank < hits[1].Rank);
        Assert.Equal("QUORVEX® quorvimab", hits[0].Products);
    }

    [Fact]
    public async Task Filters_by_product_and_kind_narrow_the_results()
    {
        var zentravir = (await store.Catalog.ListProductsAsync(Readership.HealthcareProfessional)).Single(p => p.Brand == "ZENTRAVIR®").Slug;

        Assert.Equal("letter-b", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "quorvex", productSlug: zentravir)).LetterId);
        Assert.Equal(2, (await store.Search.SearchAsync(Readership.HealthcareProfessional, "quorvex", documentKind: "Medical Information")).Count);
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "quorvex", documentKind: "Something else"));
    }

    [Theory]
    [InlineData("relapses")]
    [InlineData("relapse")]
    [InlineData("relapsed")]
    [InlineData("Relapsing")]
    [InlineData("neuropathies")]
    [InlineData("neuropathy")]
    [InlineData("dementia-related")]
    public async Task Other_forms_of_a_word_find_it(string text)
    {
        store.Write("f.md", SyntheticLetters.Letter("letter-f", brand: "RELVANTO®", generic: "relvantumab", sentence: "Patients relapsed with dementia related neuropathy in an invented trial."));
        await store.ImportAsync();

        Assert.Equal("letter-f", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, text)).LetterId);
    }

    [Theory]
    [InlineData("quorvimav", "quorvimab")]
    [InlineData("quorvimab trial", null)]
    [InlineData("qourvex", "quorvex")]
    [InlineData("quorvimab waldenstorm", "quorvimab waldenstrom")] // a word of the body, two letters swapped
    [InlineData("quorvimab zymurgy", null)] // nothing in the letters is close
    public async Task A_misspelt_word_is_corrected_from_the_letters(string text, string? expected)
    {
        var answer = await store.Search.AnswerAsync(Readership.HealthcareProfessional, text);

        Assert.Equal(expected, answer.Correction);
    }

    [Fact]
    public async Task A_misspelt_search_finds_the_letter_under_its_correction()
    {
        var answer = await store.Search.AnswerAsync(Readership.HealthcareProfessional, "quorvimav");

        Assert.Equal(("quorvimab", true), (answer.Correction, answer.AllWords));
        Assert.Equal("letter-a", answer.Hits[0].LetterId);
    }

    [Fact]
    public async Task When_no_letter_has_every_word_the_letters_with_most_of_them_come_first_and_say_so()
    {
        var strict = await store.Search.SearchAsync(Readership.HealthcareProfessional, "waldenstrom macroglobulinaemia zymurgy");
        var answer = await store.Search.AnswerAsync(Readership.HealthcareProfessional, "waldenstrom macroglobulinaemia zymurgy");

        Assert.Empty(strict);
        Assert.False(answer.AllWords);
        Assert.Null(answer.Correction);
        Assert.Equal("letter-a", Assert.Single(answer.Hits).LetterId);
    }

    [Fact]
    public async Task A_question_is_searched_by_its_telling_words()
    {
        var hits = await store.Search.SearchAsync(Readership.HealthcareProfessional, "What about Waldenström with QUORVEX?");

        Assert.Equal("letter-a", hits[0].LetterId);
    }

    [Fact]
    public async Task A_correction_comes_only_from_letters_the_reader_may_read()
    {
        var answer = await store.Search.AnswerAsync(Readership.Public, "quorvimav"); // every letter here is for professionals

        Assert.Null(answer.Correction);
        Assert.Empty(answer.Hits);
    }

    [Fact]
    public async Task The_snippet_marks_the_words_found()
    {
        var hit = Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "macroglob"));

        // The mark opens at the word; where it closes is the engine's: PostgreSQL's parser reads the "." and
        // citation number after it ("macroglobulinaemia.1") as one token.
        var marked = hit.Snippet.IndexOf(LetterSearch.MarkStart + "macroglobulinaemia", StringComparison.Ordinal);
        Assert.True(marked >= 0, hit.Snippet);
        Assert.Contains(LetterSearch.MarkEnd.ToString(), hit.Snippet[marked..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snippet_marks_a_word_far_into_the_text_even_when_another_is_only_in_the_products()
    {
        var filler = string.Concat(Enumerable.Repeat("An invented trial enrolled invented patients at invented sites. ", 12));
        store.Write("d.md", SyntheticLetters.Letter("letter-d", brand: "ORVANTIX®", generic: "orvantimab", sentence: filler + "Zymoplexia was seen once."));
        await store.ImportAsync();

        var hit = Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "orvantimab zymoplexia"));

        Assert.Contains(LetterSearch.MarkStart + "Zymoplexia", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snippet_reads_as_text_without_citation_numbers_glued_to_words()
    {
        store.Write("e.md", SyntheticLetters.Letter("letter-e", brand: "VELTRANOX®", generic: "veltranumab", sentence: "Veltranumab cohort rates were high."));
        await store.ImportAsync();

        var hit = Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "veltranumab cohort"));
        var text = hit.Snippet.Replace(LetterSearch.MarkStart.ToString(), string.Empty, StringComparison.Ordinal).Replace(LetterSearch.MarkEnd.ToString(), string.Empty, StringComparison.Ordinal);

        // The letter cites [@synth2020] right after "high.": the page shows a superscript 1, a snippet shows nothing.
        Assert.True(text.Contains("rates were high", StringComparison.Ordinal), text.Replace("\n", "/", StringComparison.Ordinal));
        Assert.DoesNotContain("high.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("high1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_not_found_and_a_new_version_replaces_the_old_in_the_index()
    {
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "yet published"));

        store.Write("a.md", SyntheticLetters.Letter("letter-a", brand: "QUORVEX®", generic: "quorvimab", sentence: "Now about amyloidosis."));
        await store.ImportAsync();

        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "waldenstrom"));
        Assert.Equal("letter-a", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "amyloidosis")).LetterId);
        Assert.Equal(2, await store.CountAsync("LetterSearch"));
    }

    [Fact]
    public async Task A_quoted_phrase_finds_its_words_in_that_order_only()
    {
        store.Write("p.md", SyntheticLetters.Letter("letter-p", brand: "PRELVIQ®", generic: "prelviqumab", sentence: "Prelviqumab lowered the serum zyloxin level in an invented trial."));
        await store.ImportAsync();

        Assert.Equal("letter-p", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "\"serum zyloxin level\"")).LetterId);
        Assert.Equal("letter-p", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "\"serum zyloxin levels")).LetterId); // unclosed, and a plural
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "\"zyloxin serum level\""));
        Assert.Equal("letter-p", Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "zyloxin serum level")).LetterId);
    }

    [Fact]
    public async Task An_abbreviation_a_table_explains_finds_letters_that_use_either_form()
    {
        store.Write("t.md", SyntheticLetters.Letter("letter-t", brand: "VELQOR®", generic: "velqorimab", sentence: "Velqorimab was studied in an invented trial.")
            .Replace("## References", """
                ::: table synth-results
                Invented Results[@synth2020]

                | Measure | Value |
                |---------|-------|
                | QXR     | 4     |

                Abbreviations: QXR, quantified xylo response.
                :::

                ## References
                """, StringComparison.Ordinal));
        store.Write("u.md", SyntheticLetters.Letter("letter-u", brand: "UMBRAL®", generic: "umbralimab", sentence: "A quantified xylo response was seen with umbralimab."));
        store.Write("v.md", SyntheticLetters.Letter("letter-v", brand: "VORNIS®", generic: "vornisumab", sentence: "The QXR was seen with vornisumab."));
        await store.ImportAsync();

        foreach (var text in new[] { "QXR", "quantified xylo response", "qxr vornisumab", "quantified xylo responses umbralimab" })
        {
            var found = (await store.Search.SearchAsync(Readership.HealthcareProfessional, text)).Select(h => h.LetterId).Order().ToList();
            var expected = text switch
            {
                "qxr vornisumab" => ["letter-v"],
                "quantified xylo responses umbralimab" => ["letter-u"],
                _ => new List<string> { "letter-t", "letter-u", "letter-v" },
            };
            Assert.True(expected.SequenceEqual(found), $"'{text}' found {string.Join(", ", found)}");
        }
    }

    [Fact]
    public async Task The_editors_synonyms_file_makes_one_word_find_another_until_the_line_is_gone()
    {
        store.Write("w.md", SyntheticLetters.Letter("letter-w", brand: "WELMORA®", generic: "welmorimab", sentence: "Quindle fever was reported with welmorimab."));
        store.Write("synonyms.txt", "# Invented words, for this test\nzorblex, quindle fever\n");
        await store.ImportAsync();

        var hit = Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "zorblex"));
        Assert.Equal("letter-w", hit.LetterId);
        Assert.Contains(LetterSearch.MarkStart + "Quindle", hit.Snippet, StringComparison.Ordinal);

        store.Write("synonyms.txt", "# none now\n");
        await store.ImportAsync();

        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "zorblex"));
    }

    [Fact]
    public async Task Another_portal_on_the_same_database_finds_what_this_one_imported_within_its_refresh_interval()
    {
        using var otherPortal = new LetterIndex(store.Factory, new StoreChanges(), Microsoft.Extensions.Options.Options.Create(new SearchOptions { RefreshInterval = TimeSpan.FromMilliseconds(200) }));
        var otherSearch = new LetterSearch(otherPortal);
        Assert.Empty(await otherSearch.SearchAsync(Readership.HealthcareProfessional, "amyloidosis"));

        store.Write("a.md", SyntheticLetters.Letter("letter-a", brand: "QUORVEX®", generic: "quorvimab", sentence: "Now about amyloidosis."));
        await store.ImportAsync();
        await Task.Delay(400);

        Assert.Equal("letter-a", Assert.Single(await otherSearch.SearchAsync(Readership.HealthcareProfessional, "amyloidosis")).LetterId);
    }

    [Fact]
    public async Task A_search_with_many_letters_comes_in_pages_that_together_hold_each_letter_once()
    {
        for (var i = 0; i < 25; i++)
        {
            store.Write($"many/m{i}.md", SyntheticLetters.Letter($"many-{i}", brand: $"MANYVEX{i}®", generic: $"manyvimab{i}", sentence: "Seen with plentiful zymotide doses."));
        }

        await store.ImportAsync();

        var first = await store.Search.AnswerAsync(Readership.HealthcareProfessional, "zymotide");
        var second = await store.Search.AnswerAsync(Readership.HealthcareProfessional, "zymotide", page: 2);
        var past = await store.Search.AnswerAsync(Readership.HealthcareProfessional, "zymotide", page: 3);

        Assert.Equal((25, 25, 25), (first.Total, second.Total, past.Total));
        Assert.Equal((LetterSearch.PageSize, 5, 0), (first.Hits.Count, second.Hits.Count, past.Hits.Count));
        Assert.Equal(25, first.Hits.Concat(second.Hits).Select(h => h.LetterId).Distinct().Count());
    }

    public sealed class OnSqlite() : SearchTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : SearchTests(server);
}

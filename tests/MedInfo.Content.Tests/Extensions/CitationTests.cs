using MedInfo.Letters;

namespace MedInfo.Content.Tests.Extensions;

public sealed class CitationTests
{
    private const string ThreeReferences = """

        ## References

        [@alpha]: Alpha A. First paper. J Synth. 2020;1:1.
        [@beta]: Beta B. Second paper. J Synth. 2021;2:2.
        [@gamma]: Gamma C. Third paper. J Synth. 2022;3:3.
        """;

    [Fact]
    public void References_are_numbered_in_order_of_first_citation_not_of_definition()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nFirst[@gamma], then[@alpha], again[@gamma], last[@beta].\n" + ThreeReferences));

        Assert.Equal(["gamma", "alpha", "beta"], letter.References.Select(r => r.Key));
        Assert.Equal([1, 2, 3], letter.References.Select(r => r.Number));
        Assert.Equal(["1", "2", "1", "3"], Citations(letter).Select(c => c.Label));
    }

    [Fact]
    public void A_list_of_keys_prints_as_a_list_and_three_or_more_in_a_row_as_a_range()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nTwo[@alpha; @beta]. Three[@alpha, @beta, @gamma].\n" + ThreeReferences));

        Assert.Equal(["1,2", "1-3"], Citations(letter).Select(c => c.Label));
    }

    [Theory]
    [InlineData(new[] { 1 }, "1")]
    [InlineData(new[] { 2, 3 }, "2,3")]
    [InlineData(new[] { 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 }, "4-13")]
    [InlineData(new[] { 5, 3, 1, 4 }, "1,3-5")]
    [InlineData(new[] { 1, 2, 4, 5 }, "1,2,4,5")]
    public void Labels_collapse_as_letters_print_them(int[] numbers, string expected) =>
        Assert.Equal(expected, CitationLabel.Format(numbers));

    [Fact]
    public void A_citation_in_a_table_caption_is_numbered_where_it_is_read()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## Summary

            Text[@beta].

            ::: table t1
            Caption[@alpha]

            | A | B |
            |---|---|
            | x | 1 |
            :::
            """ + ThreeReferences.Replace("[@gamma]: Gamma C. Third paper. J Synth. 2022;3:3.", string.Empty, StringComparison.Ordinal)));

        Assert.Equal(["beta", "alpha"], letter.References.Select(r => r.Key));
        Assert.Equal("2", LetterPlainText.Text(letter.Tables.Single().Caption)[^1..]);
    }

    [Fact]
    public void A_citation_to_an_unknown_key_is_an_error_at_its_line_and_column()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("## Summary\n\nSee[@alpha] and [@delta].\n" + ThreeReferences));

        var error = Assert.Single(errors);
        Assert.Contains("[@delta]", error.Message, StringComparison.Ordinal);
        Assert.Equal(17, error.Line);
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void A_reference_never_cited_is_a_warning_and_is_still_listed_last()
    {
        var result = TestLetters.Read(TestLetters.WithBody("## Summary\n\nOnly[@beta].\n" + ThreeReferences));

        Assert.NotNull(result.Letter);
        Assert.Equal(2, result.Diagnostics.Count(d => !d.IsError && d.Message.Contains("never cited", StringComparison.Ordinal)));
        Assert.Equal(["beta", "alpha", "gamma"], result.Letter!.References.Select(r => r.Key));
    }

    [Fact]
    public void An_unfinished_citation_is_an_error_not_silent_text()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("## Summary\n\nSee [@alpha and more.\n" + ThreeReferences));

        Assert.Contains(errors, e => e.Message.Contains("not complete", StringComparison.Ordinal));
    }

    private static List<Citation> Citations(Letter letter) =>
        letter.Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<Paragraph>()
            .SelectMany(p => LetterWalker.Inlines(p.Content)).OfType<Citation>().ToList();
}

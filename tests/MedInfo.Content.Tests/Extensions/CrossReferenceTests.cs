using MedInfo.Letters;

namespace MedInfo.Content.Tests.Extensions;

public sealed class CrossReferenceTests
{
    private const string Table = """

        ::: table synth-responses
        Summary of Invented Responses

        | Response | N=3 |
        |----------|-----|
        | Overall  | 100 |
        :::
        """;

    [Fact]
    public void A_link_to_table_id_becomes_a_cross_reference_with_the_editors_words()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nSee [Table: Summary of *Invented* Responses](table:synth-responses).\n" + Table));

        var reference = LetterWalker.Inlines(((Paragraph)letter.Sections[0].Blocks[0]).Content).OfType<TableReference>().Single();
        Assert.Equal("synth-responses", reference.TableId);
        Assert.Equal("Table: Summary of Invented Responses", LetterPlainText.Text(reference.Content));
        Assert.Contains(reference.Content, i => i is Emphasis { Kind: EmphasisKind.Italic });
    }

    [Fact]
    public void A_cross_reference_to_a_missing_table_is_an_error_at_its_position()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("## Summary\n\nSee [Table: Gone](table:no-such-table).\n" + Table));

        var error = Assert.Single(errors);
        Assert.Contains("'no-such-table'", error.Message, StringComparison.Ordinal);
        Assert.Equal((17, 5), (error.Line, error.Column));
    }
}

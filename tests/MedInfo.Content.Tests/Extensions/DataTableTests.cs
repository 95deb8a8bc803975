using MedInfo.Letters;

namespace MedInfo.Content.Tests.Extensions;

public sealed class DataTableTests
{
    private const string Reference = "\n## References\n\n[@synth2020]: Synth A. Invented study. J Synth. 2020;1:1.\n";

    private static string Letter(string table) => TestLetters.WithBody("## Summary\n\nSee[@synth2020].\n\n" + table + "\n" + Reference);

    private const string Full = """
        ::: table synth-baseline
        Invented Baseline Characteristics[@synth2020]

        | Characteristic    | At diagnosis | At start |
        | ^                 | N=9          | <        |
        |-------------------|--------------|----------|
        | Female, n (%)     | 4 (44)       | <        |
        | Isotype, n (%)    |              |          |
        | > IgG             | 3 (33)       | 2 (22)   |
        | >> Subtype one    | 1 (11)       | -        |
        | >>> Deepest       | 1 (11)       | 0 (0)    |
        | Response[^a]      | 5 \| 6       | 7        |

        Abbreviations: IgG, immunoglobulin G; N, number of invented patients.
        [^a]: An invented note under the table.
        :::
        """;

    private static DataTable Table => TestLetters.ReadValid(Letter(Full)).Tables.Single();

    private static TableRow Row(DataTable table, string label) =>
        table.BodyRows.Single(r => LetterPlainText.Text(r.Cells[0].Content) == label);

    [Fact]
    public void Caption_cites_and_header_rows_are_kept_apart_from_body_rows()
    {
        var table = Table;
        Assert.Equal("synth-baseline", table.Id);
        Assert.Equal("Invented Baseline Characteristics1", LetterPlainText.Text(table.Caption));
        Assert.Contains(table.Caption, i => i is Citation);
        Assert.Equal(2, table.HeaderRows.Count);
        Assert.Equal(6, table.BodyRows.Count);
        Assert.Equal(3, table.ColumnCount);
    }

    [Fact]
    public void A_header_cell_spans_two_columns_and_another_spans_two_header_rows()
    {
        var table = Table;
        Assert.Equal(2, table.HeaderRows[0].Cells[0].RowSpan);
        var n = Assert.Single(table.HeaderRows[1].Cells);
        Assert.Equal(("N=9", 2), (LetterPlainText.Text(n.Content), n.ColumnSpan));
    }

    [Fact]
    public void A_body_value_spans_both_value_columns_while_other_rows_have_two_values()
    {
        var table = Table;
        var female = Row(table, "Female, n (%)");
        Assert.Equal(2, female.Cells.Count);
        Assert.Equal(2, female.Cells[1].ColumnSpan);
        Assert.Equal(3, Row(table, "IgG").Cells.Count);
    }

    [Fact]
    public void Indent_levels_are_data_up_to_three_levels_and_group_rows_have_no_values()
    {
        var table = Table;
        Assert.Equal([0, 0, 1, 2, 3, 0], table.BodyRows.Select(r => r.Indent));
        Assert.True(Row(table, "Isotype, n (%)").IsGroup);
        Assert.False(Row(table, "IgG").IsGroup);
        Assert.False(Row(table, "Subtype one").IsGroup);
    }

    [Fact]
    public void Footnote_markers_tie_to_notes_and_abbreviations_are_read_into_pairs()
    {
        var table = Table;
        Assert.Contains(Row(table, "Responsea").Cells[0].Content, i => i is FootnoteMarker { Label: "a" });
        Assert.Equal("a", Assert.Single(table.Notes).Label);
        Assert.Equal(
            [new Abbreviation("IgG", "immunoglobulin G"), new Abbreviation("N", "number of invented patients")],
            table.Abbreviations!.Entries);
    }

    [Fact]
    public void An_escaped_pipe_stays_inside_its_cell()
    {
        Assert.Equal("5 | 6", LetterPlainText.Text(Row(Table, "Responsea").Cells[1].Content));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_an_error_at_that_row()
    {
        var errors = TestLetters.Errors(Letter("""
            ::: table short-row
            Caption

            | A | B | C |
            |---|---|---|
            | x | 1 | 2 |
            | y | 1 |
            :::
            """));

        var error = Assert.Single(errors);
        Assert.Contains("2 cells but the table has 3 columns", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, error.Line);
    }

    [Theory]
    [InlineData("| < | 1 |", "no cell there")]
    [InlineData("| ^ | 1 |", "no cell above")]
    public void Span_markers_with_nothing_to_join_are_errors(string row, string expected)
    {
        var errors = TestLetters.Errors(Letter($"::: table spans\nCaption\n\n| A | B |\n|---|---|\n{row}\n:::"));

        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_marker_without_its_note_is_an_error_and_a_note_without_a_marker_a_warning()
    {
        var text = Letter("::: table notes\nCaption\n\n| A | B |\n|---|---|\n| x[^b] | 1 |\n\n[^c]: Orphan note.\n:::");

        Assert.Contains(TestLetters.Errors(text), e => e.Message.Contains("[^b] has no note", StringComparison.Ordinal));
        Assert.Contains(TestLetters.Warnings(text), e => e.Message.Contains("[^c] is not marked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("::: table no-caption\n| A | B |\n|---|---|\n| x | 1 |\n:::", "needs a caption")]
    [InlineData("::: table no-separator\nCaption\n\n| A | B |\n| x | 1 |\n:::", "'|---|---|' line")]
    [InlineData("::: table Bad_Id\nCaption\n\n| A | B |\n|---|---|\n| x | 1 |\n:::", "needs an id")]
    [InlineData("::: table unclosed\nCaption\n\n| A | B |\n|---|---|\n| x | 1 |\n", "never closed")]
    [InlineData("::: table stray-text\nCaption\n\n| A | B |\n|---|---|\n| x | 1 |\n\nA stray line.\n:::", "only notes")]
    [InlineData("::: table empty\nCaption\n:::", "no rows")]
    public void Malformed_tables_get_a_plain_message(string table, string expected)
    {
        Assert.Contains(TestLetters.Errors(Letter(table)), e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_tables_with_one_id_is_an_error()
    {
        const string table = "::: table twice\nCaption\n\n| A | B |\n|---|---|\n| x | 1 |\n:::\n\n";
        Assert.Contains(TestLetters.Errors(Letter(table + table)), e => e.Message.Contains("'twice'", StringComparison.Ordinal));
    }
}

using System.Text.RegularExpressions;
using MedInfo.Letters;

namespace MedInfo.Content.Tests.Seed;

/// <summary>
/// The seed letter in content/ must carry every sentence, bullet level, table cell, indent, footnote,
/// abbreviation line and reference of the real letter. The seed text is the real letter copied as plain text,
/// so flattening our model the same way must give back every one of its lines, in order.
/// </summary>
public sealed partial class SeedLetterFidelityTests
{
    private static readonly Lazy<Letter> Seed = new(() =>
        TestLetters.ReadValid(File.ReadAllText(RepositoryPaths.SeedMarkdown)));

    [Fact]
    public void Every_line_of_the_seed_text_appears_in_order_with_its_indentation()
    {
        var expected = SeedLines();
        var actual = LetterPlainText.Render(Seed.Value).Split('\n').Select(Normalize).ToList();

        var position = 0;
        foreach (var line in expected)
        {
            var found = actual.FindIndex(position, a => string.Equals(a, line, StringComparison.OrdinalIgnoreCase));
            Assert.True(found >= 0, $"Seed line not found (in order) in the converted letter:\n  '{line}'\nafter converted line {position}: '{(position > 0 ? actual[position - 1] : string.Empty)}'");
            position = found + 1;
        }
    }

    [Fact]
    public void References_are_numbered_1_to_13_in_the_seed_order()
    {
        var seedReferences = SeedLines()
            .SkipWhile(l => l != "References").Skip(1)
            .Select(l => ReferenceLine().Match(l))
            .Select(m => (Number: int.Parse(m.Groups[1].Value), Text: m.Groups[2].Value))
            .ToList();

        var references = Seed.Value.References;
        Assert.Equal(13, seedReferences.Count);
        Assert.Equal(Enumerable.Range(1, 13), references.Select(r => r.Number));
        Assert.Equal(seedReferences.Select(r => Normalize(r.Text)), references.Select(r => Normalize(r.Text)));
    }

    [Fact]
    public void Every_value_of_every_table_row_is_in_its_row()
    {
        // Seed tables list each cell on its own line: a row is its label followed by its values.
        var tables = Seed.Value.Tables.ToList();
        Assert.Equal(["dima-baseline", "dima-responses", "vaxman-baseline"], tables.Select(t => t.Id));

        var baseline = tables[0];
        Assert.Equal(["4 (57)"], Values(baseline, "Female, n (%)"));
        Assert.Equal(["56 (47-75)", "58 (54-79)"], Values(baseline, "Age, median (range), years"));
        Assert.Equal(["10 (5-20)", "-"], Values(baseline, "Bone marrow plasma cells, (range), %"));
        Assert.Equal(["477 (391-1280)", "330 (23-499)"], Values(baseline, "Plasma VEGF, median (range), pg/mL"));
        Assert.Equal(["-", "3 (43)"], Values(baseline, "Hematologic + VEGF"));
        Assert.Equal(["1 (14.0)"], Values(tables[1], "PD/SDa"));
        Assert.Equal(["3 (19)"], Values(tables[2], "Rd"));
        Assert.Equal(["1 (16)"], Values(tables[2], "Avastin"));
    }

    [Fact]
    public void Spans_and_indent_levels_survive()
    {
        var baseline = Seed.Value.Tables.First();
        Assert.Equal(3, baseline.ColumnCount);
        Assert.Equal(2, baseline.HeaderRows.Count);
        Assert.Equal(2, baseline.HeaderRows[0].Cells[0].RowSpan);
        var n7 = baseline.HeaderRows[1].Cells.Single();
        Assert.Equal("N=7", LetterPlainText.Text(n7.Content));
        Assert.Equal(2, n7.ColumnSpan);

        var female = Row(baseline, "Female, n (%)");
        Assert.Equal(2, female.Cells[1].ColumnSpan);
        var age = Row(baseline, "Age, median (range), years");
        Assert.All(age.Cells, c => Assert.Equal(1, c.ColumnSpan));

        Assert.True(Row(baseline, "Heavy chain isotope, n (%)").IsGroup);
        Assert.Equal(1, Row(baseline, "IgG").Indent);
        var vaxman = Seed.Value.Tables.Last();
        Assert.Equal(1, Row(vaxman, "Radiation").Indent);
        Assert.Equal(2, Row(vaxman, "Rd").Indent);
        Assert.Equal(2, Row(vaxman, "Avastin").Indent);
    }

    [Fact]
    public void Footnote_and_abbreviations_belong_to_their_table()
    {
        var responses = Seed.Value.Tables.Single(t => t.Id == "dima-responses");
        var note = Assert.Single(responses.Notes);
        Assert.Equal("a", note.Label);
        Assert.Contains(LetterWalker.Inlines(Row(responses, "PD/SDa").Cells[0].Content), i => i is FootnoteMarker { Label: "a" });
        Assert.Contains(responses.Abbreviations!.Entries, a => a is { Term: "TTNT", Expansion: "time-to-next treatment" });
        Assert.Contains(responses.Abbreviations!.Entries, a => a is { Term: "ORRH", Expansion: "overall hematologic response rate" });
    }

    [Fact]
    public void Study_cards_summary_citations_and_cross_references_are_structured()
    {
        var letter = Seed.Value;
        Assert.Equal(["Dima et al (2023)1", "Vaxman et al (2023)2,3"], letter.StudyCards.Select(c => LetterPlainText.Text(c.Title)));
        var summary = letter.Summary!;
        var citations = LetterWalker.Blocks(summary.Blocks).OfType<Paragraph>().SelectMany(p => LetterWalker.Inlines(p.Content)).OfType<Citation>();
        Assert.Equal(["1", "2,3", "4-13"], citations.Select(c => c.Label));
        var crossReference = LetterWalker.Blocks(summary.Blocks).OfType<Paragraph>().SelectMany(p => LetterWalker.Inlines(p.Content)).OfType<TableReference>().Single();
        Assert.Equal("dima-responses", crossReference.TableId);
        Assert.Equal(["Summary", "PRODUCT LABELING", "CLINICAL DATA"], letter.Sections.Select(s => s.Title));
        Assert.Equal(new DateOnly(2025, 4, 30), letter.Metadata.LiteratureSearch!.Date);
        Assert.Equal(new DateOnly(2025, 5, 8), letter.Metadata.LastUpdated);
    }

    private static TableRow Row(DataTable table, string label) =>
        table.BodyRows.Single(r => LetterPlainText.Text(r.Cells[0].Content) == label);

    private static List<string> Values(DataTable table, string label) =>
        Row(table, label).Cells.Skip(1).Where(c => !c.IsEmpty).Select(c => LetterPlainText.Text(c.Content)).ToList();

    private static List<string> SeedLines()
    {
        Assert.True(File.Exists(RepositoryPaths.SeedLetter), "Seed letter not found at " + RepositoryPaths.SeedLetter);
        return File.ReadAllLines(RepositoryPaths.SeedLetter)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(Normalize)
            .ToList();
    }

    /// <summary>Keeps leading indentation (it is data), folds other runs of spaces, drops trailing spaces.</summary>
    private static string Normalize(string line)
    {
        var trimmed = line.TrimEnd();
        var indent = trimmed.Length - trimmed.TrimStart().Length;
        return new string(' ', indent) + Spaces().Replace(trimmed.TrimStart(), " ");
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d+) (.*)$")]
    private static partial Regex ReferenceLine();
}

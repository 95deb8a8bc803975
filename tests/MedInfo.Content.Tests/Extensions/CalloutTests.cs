using MedInfo.Letters;

namespace MedInfo.Content.Tests.Extensions;

/// <summary>Boxed warnings and notes: <c>::: warning Title</c> or <c>::: note Title</c>, ordinary content, <c>:::</c>.</summary>
public sealed class CalloutTests
{
    private const string Reference = "\n## References\n\n[@synth2020]: Synth A. Invented study. J Synth. 2020;1:1.\n";

    private static IReadOnlyList<Callout> Boxes(Letter letter) =>
        letter.Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<Callout>().ToList();

    [Fact]
    public void A_warning_box_has_its_title_and_content_and_cites()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## Summary

            ::: warning WARNING: SERIOUS INVENTED INFECTIONS[@synth2020]
            Serious infections were seen in an invented trial.

            - Monitor for signs of infection.
            :::

            Text after the box.
            """ + Reference));

        var box = Assert.Single(Boxes(letter));
        Assert.Equal(CalloutKind.Warning, box.Kind);
        Assert.Equal(3, box.Level);
        Assert.Equal("WARNING: SERIOUS INVENTED INFECTIONS1", LetterPlainText.Text(box.Title));
        Assert.Equal("warning-warning-serious-invented-infections", box.Anchor);
        Assert.IsType<Paragraph>(box.Blocks[0]);
        Assert.IsType<BulletList>(box.Blocks[1]);
        Assert.Equal("Text after the box.", LetterPlainText.Text(((Paragraph)letter.Summary!.Blocks[^1]).Content));
        Assert.Equal(1, letter.References.Single().Number);
    }

    [Fact]
    public void A_note_may_have_no_title_and_is_then_called_a_note()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## Summary

            ::: note
            An invented note.
            :::
            """));

        var box = Assert.Single(Boxes(letter));
        Assert.Equal(CalloutKind.Note, box.Kind);
        Assert.Empty(box.Title);
        Assert.Contains("Note\nAn invented note.", LetterPlainText.Render(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_inside_a_box_closes_with_its_own_fence_and_the_box_inside_a_card_goes_on()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## CLINICAL DATA

            ::: study Synth et al (2020)[@synth2020]
            Intro.

            ::: note Interpreting the table
            ::: table synth-table
            Caption

            | A | B |
            |---|---|
            | 1 | 2 |
            :::

            Still in the note.
            :::

            Still in the card.
            :::

            After the card.
            """ + Reference));

        var card = letter.StudyCards.Single();
        var box = Assert.Single(card.Blocks.OfType<Callout>());
        Assert.Equal(4, box.Level); // a heading inside a card sits one level lower
        Assert.Single(box.Blocks.OfType<DataTable>());
        Assert.Equal("Still in the note.", LetterPlainText.Text(((Paragraph)box.Blocks[^1]).Content));
        Assert.Equal("Still in the card.", LetterPlainText.Text(((Paragraph)card.Blocks[^1]).Content));
        Assert.Single(letter.Tables);
    }

    [Fact]
    public void A_study_card_inside_a_box_closes_with_its_own_fence_and_the_box_goes_on()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## CLINICAL DATA

            ::: note Studies in an invented population
            ::: study Synth et al (2020)[@synth2020]
            In the card.
            :::

            Still in the note.
            :::

            After the note.
            """ + Reference));

        var section = letter.Sections.Single(s => s.Kind == SectionKind.ClinicalData);
        var box = Assert.IsType<Callout>(section.Blocks[0]);
        Assert.IsType<StudyCard>(box.Blocks[0]);
        Assert.Equal("Still in the note.", LetterPlainText.Text(((Paragraph)box.Blocks[^1]).Content));
        Assert.Equal("After the note.", LetterPlainText.Text(((Paragraph)section.Blocks[^1]).Content));
    }

    [Fact]
    public void A_box_inside_a_box_is_an_error_on_its_line()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("""
            ## Summary

            ::: warning Outer
            Text.

            ::: note Inner
            Text.
            :::
            """));

        Assert.Equal(20, Assert.Single(errors).Line);
        Assert.Contains("cannot hold another one", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_box_that_is_never_closed_is_an_error_at_its_opening_line()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("""
            ## Summary

            ::: warning Never closed
            Text.
            """));

        Assert.Contains(errors, e => e.Line == 17 && e.Message.Contains("warning box is never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_box_is_an_error()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("## Summary\n\n::: note Nothing inside\n:::\n"));

        Assert.Contains(errors, e => e.Line == 17 && e.Message.Contains("note box is empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("::: warnings Title", "'::: warnings' is not a block")]
    [InlineData("::: Warning Title", "'::: Warning' is not a block")]
    [InlineData("::: figures x", "'::: figures' is not a block")]
    [InlineData(":::", "closes nothing")]
    public void A_fence_line_no_block_takes_is_an_error_never_text(string line, string expected)
    {
        var result = TestLetters.Read(TestLetters.WithBody($"## Summary\n\nText.\n\n{line}\n"));

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Line == 19 && d.Message.Contains(expected, StringComparison.Ordinal));
    }
}

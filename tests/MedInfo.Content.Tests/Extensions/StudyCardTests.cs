using MedInfo.Letters;

namespace MedInfo.Content.Tests.Extensions;

public sealed class StudyCardTests
{
    private const string Reference = "\n## References\n\n[@synth2020]: Synth A. Invented study. J Synth. 2020;1:1.\n";

    [Fact]
    public void A_card_has_a_cited_title_its_own_subsections_and_nested_lists()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## Summary

            Summary text.

            ## CLINICAL DATA

            ::: study Synth et al (2020)[@synth2020]
            Synth et al (2020)[@synth2020] reported an invented study.

            ### Study Design/Methods

            - Outer bullet.
              - Inner bullet.
                - Third level.

            ### Results

            #### Efficacy

            - Invented result.
            :::
            """ + Reference));

        var card = letter.StudyCards.Single();
        Assert.Equal("Synth et al (2020)1", LetterPlainText.Text(card.Title));
        Assert.Equal("study-synth-et-al-2020", card.Anchor);
        var headings = card.Blocks.OfType<Heading>().ToList();
        Assert.Equal(["Study Design/Methods", "Results", "Efficacy"], headings.Select(h => LetterPlainText.Text(h.Content)));
        Assert.Equal([4, 4, 5], headings.Select(h => h.Level));
        var outer = card.Blocks.OfType<BulletList>().First();
        var inner = outer.Items[0].Blocks.OfType<BulletList>().Single();
        Assert.Single(inner.Items[0].Blocks.OfType<BulletList>());
    }

    [Fact]
    public void A_table_inside_a_card_is_closed_by_its_own_fence_and_the_card_goes_on()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("""
            ## CLINICAL DATA

            ::: study Synth et al (2020)[@synth2020]
            Intro.

            ::: table synth-table
            Caption

            | A | B |
            |---|---|
            | x | 1 |
            :::

            Text after the table, still in the card.
            :::

            Text after the card.
            """ + Reference));

        var card = letter.StudyCards.Single();
        Assert.Single(card.Blocks.OfType<DataTable>());
        Assert.Equal("Text after the table, still in the card.", LetterPlainText.Text(card.Blocks.OfType<Paragraph>().Last().Content));
        Assert.Equal("Text after the card.", LetterPlainText.Text(letter.Sections.Single().Blocks.OfType<Paragraph>().Single().Content));
    }

    [Fact]
    public void A_card_that_is_never_closed_is_an_error_at_its_opening_line()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("## CLINICAL DATA\n\n::: study Synth et al (2020)[@synth2020]\nText.\n" + Reference));

        // The open card swallows the rest of the file, so later lines may report too; the first error says why.
        var error = errors.OrderBy(e => e.Line).First();
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(17, error.Line);
    }

    [Fact]
    public void A_card_without_a_title_is_an_error()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("""
            ## CLINICAL DATA

            ::: study
            Text.[@synth2020]
            :::
            """ + Reference));

        Assert.Contains(errors, e => e.Message.Contains("needs a title", StringComparison.Ordinal));
    }

    [Fact]
    public void A_card_inside_another_card_is_an_error_on_its_line()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody("""
            ## CLINICAL DATA

            ::: study Outer[@synth2020]
            ::: study Inner
            Inner.
            :::
            :::
            """ + Reference));

        Assert.Contains(errors, e => e.Line == 18 && e.Message.Contains("cannot be nested", StringComparison.Ordinal));
    }
}

namespace MedInfo.Content.Tests.Extensions;

public sealed class ReferenceTests
{
    private static string Letter(string references) => TestLetters.WithBody($"""
        ## Summary

        Cited[@one; @two].

        ## References

        {references}
        """);

    [Fact]
    public void PubMed_id_and_DOI_are_read_from_the_end_of_the_entry_and_not_printed()
    {
        var letter = TestLetters.ReadValid(Letter("""
            [@one]: Synth A. Invented trial of examplumab. J Synth. 2020;1:1-9. {pmid=12345678 doi=10.1000/synth.123}
            [@two]: Synth B. Another invented paper. J Synth. 2021;2:10.
            """));

        var one = letter.References[0];
        Assert.Equal("Synth A. Invented trial of examplumab. J Synth. 2020;1:1-9.", one.Text);
        Assert.Equal("12345678", one.PubMedId);
        Assert.Equal("10.1000/synth.123", one.Doi);
        Assert.Equal(new Uri("https://pubmed.ncbi.nlm.nih.gov/12345678/"), one.PubMedUrl);
        Assert.Equal(new Uri("https://doi.org/10.1000/synth.123"), one.DoiUrl);
        Assert.Null(letter.References[1].PubMedId);
    }

    [Fact]
    public void An_address_in_angle_brackets_or_bare_reads_as_the_address_and_becomes_the_entry_link()
    {
        var letter = TestLetters.ReadValid(Letter("""
            [@one]: Synthetic Registry. Entry NCT0000. <https://registry.example.org/NCT0000>. Accessed May 1, 2025.
            [@two]: Synth B. Label. https://label.example.org/synth.pdf, revised 2024.
            [@three]: Synth C. An archive at ftp://files.example.org/c.
            """));

        Assert.Equal("Synthetic Registry. Entry NCT0000. https://registry.example.org/NCT0000. Accessed May 1, 2025.", letter.References[0].Text);
        Assert.Equal("https://registry.example.org/NCT0000", letter.References[0].Url);
        Assert.Equal("https://label.example.org/synth.pdf", letter.References[1].Url);
        Assert.Null(letter.References[2].Url);
        Assert.Equal("Synth C. An archive at ftp://files.example.org/c.", letter.References[2].Text);
    }

    [Fact]
    public void A_long_entry_may_wrap_onto_the_next_lines()
    {
        var letter = TestLetters.ReadValid(Letter("""
            [@one]: Synth A, Synth B, Synth C, et al. A very long invented title that an editor
            wrapped onto a second line. J Synth. 2020;1:1.
            [@two]: Synth D. Short. J Synth. 2021;2:2.
            """));

        Assert.Equal("Synth A, Synth B, Synth C, et al. A very long invented title that an editor wrapped onto a second line. J Synth. 2020;1:1.", letter.References[0].Text);
        Assert.Equal(2, letter.References.Count);
    }

    [Fact]
    public void A_malformed_identifier_is_an_error_naming_the_reference()
    {
        var errors = TestLetters.Errors(Letter("""
            [@one]: Synth A. Paper. J Synth. 2020;1:1. {pmid=abc}
            [@two]: Synth B. Paper. J Synth. 2021;2:2.
            """));

        Assert.Contains(errors, e => e.Message.Contains("[@one]", StringComparison.Ordinal) && e.Message.Contains("pmid=abc", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_defined_twice_is_an_error()
    {
        var errors = TestLetters.Errors(Letter("""
            [@one]: Synth A. Paper. J Synth. 2020;1:1.
            [@two]: Synth B. Paper. J Synth. 2021;2:2.
            [@one]: Synth C. Paper. J Synth. 2022;3:3.
            """));

        Assert.Contains(errors, e => e.Message.Contains("defined twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_text_under_References_is_an_error()
    {
        var errors = TestLetters.Errors(Letter("""
            [@one]: Synth A. Paper. J Synth. 2020;1:1.
            [@two]: Synth B. Paper. J Synth. 2021;2:2.

            Some stray paragraph.
            """));

        Assert.Contains(errors, e => e.Message.Contains("Only reference entries", StringComparison.Ordinal));
    }
}

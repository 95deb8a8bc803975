namespace MedInfo.Content.Tests.Validation;

/// <summary>What the body of a letter may not contain, each refused with a message an editor understands.</summary>
public sealed class BodyRuleTests
{
    [Theory]
    [InlineData("<div onclick=\"steal()\">Hello</div>", "Raw HTML is not allowed")]
    [InlineData("Hello <script>alert(1)</script> there.", "Raw HTML is not allowed")]
    [InlineData("Hello <img src=x onerror=alert(1)> there.", "Raw HTML is not allowed")]
    [InlineData("[click](javascript:alert(1))", "'javascript:alert(1)' is refused")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)", "is refused")]
    [InlineData("![chart](https://example.org/chart.png)", "An image is shown in a figure")]
    [InlineData("    indented text becomes code", "code block")]
    [InlineData("> quoted text", "Quote blocks")]
    [InlineData("```html\n<b>x</b>\n```", "A fenced code block (```html) is not part of the letter format")]
    [InlineData("~~~\nplain\n~~~", "A fenced code block (``` or ~~~)")]
    public void Unsafe_or_unsupported_markup_is_refused(string line, string expected)
    {
        var errors = TestLetters.Errors(TestLetters.WithBody($"## Summary\n\n{line}\n"));

        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line == 17);
    }

    [Fact]
    public void Web_and_mail_links_are_kept()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nSee [the label](https://example.org/label.pdf) or <medinfo@example.org>.\n"));

        var links = MedInfo.Letters.LetterWalker.Inlines(((MedInfo.Letters.Paragraph)letter.Sections[0].Blocks[0]).Content).OfType<MedInfo.Letters.Hyperlink>().ToList();
        Assert.Equal(["https://example.org/label.pdf", "mailto:medinfo@example.org"], links.Select(l => l.Url));
    }

    [Fact]
    public void A_bare_web_address_in_text_becomes_a_link_and_other_schemes_stay_text()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody(
            "## Summary\n\nRegistered at https://clinicaltrials.gov/study/NCT00000000. Also www.example.org, ftp://files.example.org and tel:+15550100.\n"));

        var paragraph = ((MedInfo.Letters.Paragraph)letter.Sections[0].Blocks[0]).Content;
        var links = MedInfo.Letters.LetterWalker.Inlines(paragraph).OfType<MedInfo.Letters.Hyperlink>().ToList();
        Assert.Equal(["https://clinicaltrials.gov/study/NCT00000000", "https://www.example.org"], links.Select(l => l.Url));
        Assert.Equal(
            "Registered at https://clinicaltrials.gov/study/NCT00000000. Also www.example.org, ftp://files.example.org and tel:+15550100.",
            MedInfo.Letters.LetterPlainText.Text(paragraph));
    }

    [Theory]
    [InlineData("Loose text.\n\n## Summary\n\nText.\n", "must sit under a section heading")]
    [InlineData("# A title\n\n## Summary\n\nText.\n", "comes from the front matter")]
    [InlineData("## Summary\n\nText.\n\n## LITERATURE SEARCH\n\nA search was done.\n", "written from the front matter")]
    public void The_body_is_made_of_sections(string body, string expected)
    {
        Assert.Contains(TestLetters.Errors(TestLetters.WithBody(body)), e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_keep_their_headings_as_written_and_know_their_kind()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nA.\n\n## PRODUCT LABELING\n\n## CLINICAL DATA\n\nB.\n"));

        Assert.Equal(
            [("Summary", MedInfo.Letters.SectionKind.Summary), ("PRODUCT LABELING", MedInfo.Letters.SectionKind.Labeling), ("CLINICAL DATA", MedInfo.Letters.SectionKind.ClinicalData)],
            letter.Sections.Select(s => (s.Title, s.Kind)));
        Assert.Empty(letter.Sections[1].Blocks);
    }

    [Fact]
    public void Superscript_and_subscript_are_kept_as_formatting()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nORR~H~ and 10^6^ cells.\n"));

        var inlines = ((MedInfo.Letters.Paragraph)letter.Sections[0].Blocks[0]).Content;
        Assert.Contains(inlines, i => i is MedInfo.Letters.Emphasis { Kind: MedInfo.Letters.EmphasisKind.Subscript });
        Assert.Contains(inlines, i => i is MedInfo.Letters.Emphasis { Kind: MedInfo.Letters.EmphasisKind.Superscript });
    }
}

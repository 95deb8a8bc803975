namespace MedInfo.Content.Tests.Validation;

public sealed class FrontMatterTests
{
    private const string Body = "\n## Summary\n\nText.\n";

    private static string Replace(string from, string to) => TestLetters.FrontMatter.Replace(from, to, StringComparison.Ordinal) + Body;

    [Fact]
    public void The_front_matter_fills_the_letters_metadata()
    {
        var metadata = TestLetters.ReadValid(TestLetters.FrontMatter + Body).Metadata;

        Assert.Equal("zentravir-test-letter", metadata.Id);
        Assert.Equal("ZENTRAVIR® (examplumab)", metadata.Products.Single().DisplayName);
        Assert.Equal(new DateOnly(2025, 5, 8), metadata.LastUpdated);
        Assert.Equal(MedInfo.Letters.LetterStatus.Published, metadata.Status);
        Assert.Equal("US", metadata.Audience.Region);
    }

    [Theory]
    [InlineData("last-updated: 2025-05-08", "last-updated: 2025-02-30", "'last-updated' must be a real date", 13)]
    [InlineData("last-updated: 2025-05-08", "last-updated: 08/05/2025", "'last-updated' must be a real date", 13)]
    [InlineData("status: published", "status: live", "'status' must be draft, published or retired", 12)]
    [InlineData("  type: hcp", "  type: doctors", "'type' under 'audience:' must be hcp", 6)]
    [InlineData("id: zentravir-test-letter", "id: Zentravir Letter", "lowercase letters, digits and hyphens", 2)]
    public void A_bad_value_is_an_error_on_its_own_line(string from, string to, string expected, int line)
    {
        var error = Assert.Single(TestLetters.Errors(Replace(from, to)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("title: Use of ZENTRAVIR in an Invented Condition\n", "'title:'")]
    [InlineData("last-updated: 2025-05-08\n", "'last-updated:'")]
    [InlineData("    generic: examplumab\n", "'generic:'")]
    [InlineData("kind: Medical Information\n", "'kind:'")]
    [InlineData("  type: hcp\n", "'type: hcp'")]
    public void A_missing_required_field_is_named(string line, string expected)
    {
        Assert.Contains(TestLetters.Errors(Replace(line, string.Empty)), e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_is_a_warning_naming_it()
    {
        var result = TestLetters.Read(Replace("status: published", "status: published\nreviewer: someone"));

        Assert.NotNull(result.Letter);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Contains("'reviewer'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(13, warning.Line);
    }

    [Theory]
    [InlineData("  region: US", "  region: US\n  kind: patient", "'kind'", 8)]
    [InlineData("    generic: examplumab", "    generic: examplumab\n    generik: examplumab", "'generik'", 12)]
    public void An_unknown_key_nested_under_a_known_one_is_a_warning_at_its_line(string from, string to, string named, int line)
    {
        var result = TestLetters.Read(Replace(from, to));

        Assert.NotNull(result.Letter);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
        Assert.Equal(line, warning.Line);
    }

    [Theory]
    [InlineData("title: Use of ZENTRAVIR in an Invented Condition", "title: ", "title", 300, 3, 8)]
    [InlineData("  notice: Synthetic test letter for US healthcare professionals.", "  notice: ", "notice", 1000, 8, 11)]
    [InlineData("    generic: examplumab", "    generic: ", "generic", 300, 11, 14)]
    [InlineData("kind: Medical Information", "kind: ", "kind", 100, 4, 7)]
    public void A_text_longer_than_its_field_allows_is_an_error_at_its_place(string line, string prefix, string key, int max, int fileLine, int column)
    {
        var atLimit = TestLetters.Read(Replace(line, prefix + new string('x', max)));
        var error = Assert.Single(TestLetters.Errors(Replace(line, prefix + new string('x', 300_000))));

        Assert.NotNull(atLimit.Letter);
        Assert.Contains($"'{key}' is 300000 characters long; at most {max} are allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal((fileLine, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_list_of_too_many_keywords_is_an_error()
    {
        var keywords = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"k{i}"));

        Assert.Contains(TestLetters.Errors(Replace("status: published", $"status: published\nkeywords: [{keywords}]")), e => e.Message.Contains("at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prescribing_information_link_must_be_a_web_address()
    {
        var errors = TestLetters.Errors(Replace("    generic: examplumab", "    generic: examplumab\n    prescribing-information: javascript:alert(1)"));

        Assert.Contains(errors, e => e.Message.Contains("prescribing-information", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("## Summary\n\nNo front matter at all.\n", "starts with its front matter")]
    [InlineData("---\nid: x\n## Summary\n", "never closed")]
    [InlineData("---\nid: [unclosed\n---\n## Summary\n", "not valid YAML")]
    public void A_missing_or_broken_front_matter_is_an_error(string text, string expected)
    {
        Assert.Contains(TestLetters.Errors(text), e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Review_by_and_literature_search_are_read_as_dates()
    {
        var metadata = TestLetters.ReadValid(Replace("status: published", "status: published\nreview-by: 2026-05-08\nliterature-search:\n  date: 2025-04-30\n  databases: [MEDLINE®, Embase®]")).Metadata;

        Assert.Equal(new DateOnly(2026, 5, 8), metadata.ReviewBy);
        Assert.Equal("A literature search of MEDLINE® and Embase® (and/or other resources, including internal/external databases) was conducted on 30\u00a0April\u00a02025.", metadata.LiteratureSearch!.Statement);
    }
}

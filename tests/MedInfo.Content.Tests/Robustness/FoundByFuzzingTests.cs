using MedInfo.Content.Diagnostics;
using MedInfo.Letters;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>Each of these threw, overflowed the stack or pointed outside the file before; CsCheck found them.</summary>
public sealed class FoundByFuzzingTests
{
    private static Diagnostic SingleError(string text)
    {
        var result = TestLetters.Read(text);
        Assert.Null(result.Letter);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void An_empty_table_is_an_error_not_a_crash()
    {
        var result = TestLetters.Read(TestLetters.WithBody("## Summary\n\n::: table empty\n:::\n"));

        Assert.Null(result.Letter);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Line == 17 && d.Message.Contains("no rows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0x0000, "U+0000")]
    [InlineData(0xD800, "U+D800")]
    [InlineData(0xFFFD, "U+FFFD")]
    [InlineData(0x000B, "U+000B")]
    public void A_character_that_is_not_text_is_refused_where_it_is(int code, string named)
    {
        var error = SingleError(TestLetters.WithBody($"## Summary\n\n- Examplumab{(char)code} was studied.\n"));

        Assert.Equal((17, 13), (error.Line, error.Column));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emoji_joiners_and_direction_marks_are_text()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\n- 👩\u200D⚕️ \u202Bمرحبا\u202C e\u0301 zero\u200Bwidth.\n"));

        Assert.Single(letter.Sections);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    [InlineData("> - ")]
    [InlineData("[![")]
    public void Markdown_nested_thousands_deep_is_refused_at_its_line(string unit)
    {
        var error = SingleError(TestLetters.WithBody("## Summary\n\n- One.\n\n" + string.Concat(Enumerable.Repeat(unit, 5_000)) + "\n"));

        Assert.Equal(19, error.Line);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keywords: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    [InlineData("therapeutic-area: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: b}}}}}}}}}}}}}}}}}")]
    public void Front_matter_nested_too_deeply_is_refused_before_the_YAML_parser_recurses(string line)
    {
        var text = TestLetters.FrontMatter.Replace("status: published", line + "\nstatus: published", StringComparison.Ordinal);
        var error = SingleError(text + "## Summary\n\n- One.\n");

        Assert.Equal(12, error.Line);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_sequences_thousands_deep_do_not_overflow_the_stack()
    {
        var text = TestLetters.FrontMatter.Replace("status: published", "keywords:\n" + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\nstatus: published", StringComparison.Ordinal);

        var error = SingleError(text + "## Summary\n\n- One.\n");

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void A_value_starting_with_an_alias_marker_is_a_YAML_error_with_a_hint()
    {
        var text = TestLetters.FrontMatter.Replace("title: Use of ZENTRAVIR in an Invented Condition", "title: [^a] *note", StringComparison.Ordinal);

        var error = SingleError(text + "## Summary\n\n- One.\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_mistake_repeated_thousands_of_times_is_listed_a_hundred_times_then_counted()
    {
        var result = TestLetters.Read(TestLetters.WithBody("## Summary\n\n" + string.Concat(Enumerable.Repeat("- [@nosuchref]\n", 3_000))));

        Assert.Equal(DiagnosticList.MaxMessages + 1, result.Diagnostics.Count);
        var last = result.Diagnostics[^1];
        Assert.True(last.IsError);
        Assert.Equal(17 + DiagnosticList.MaxMessages, last.Line);
        Assert.Contains("2900 more messages", last.Message, StringComparison.Ordinal);
    }

    /// <summary>Bullets indented two spaces a level, <paramref name="depth"/> levels deep.</summary>
    public static string NestedList(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', 2 * level) + "- Level " + (level + 1) + "\n"));

    [Fact]
    public void Emphasis_nested_past_the_limit_is_refused_at_its_place_not_left_to_crash_the_import()
    {
        // 200 '*' around a word: Markdig reads a hundred emphases inside one another, which the import could not store.
        var error = SingleError(TestLetters.WithBody("## Summary\n\n- One.\n\nSee " + new string('*', 200) + "this" + new string('*', 200) + ".\n"));

        Assert.Equal(19, error.Line);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_nested_as_deep_as_allowed_are_read_and_one_level_more_is_refused_at_that_item()
    {
        // The section and each item's text count a level too.
        var deepest = LetterNesting.MaxDepth - 2;
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\n" + NestedList(deepest)));
        Assert.Equal(deepest, Depth(Assert.IsType<BulletList>(letter.Sections[0].Blocks[0])));

        var error = SingleError(TestLetters.WithBody("## Summary\n\n" + NestedList(deepest + 1)));
        Assert.Equal((17 + deepest, (2 * deepest) + 3), (error.Line, error.Column));
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_emphasis_and_links_nested_as_a_letter_needs_are_read()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\n" + NestedList(8) + "\nSome ***bold and italic** [text](https://example.org)*.\n"));

        Assert.Equal(8, Depth(Assert.IsType<BulletList>(letter.Sections[0].Blocks[0])));
    }

    private static int Depth(BulletList list) =>
        1 + list.Items.SelectMany(i => i.Blocks).OfType<BulletList>().Select(Depth).DefaultIfEmpty(0).Max();
}

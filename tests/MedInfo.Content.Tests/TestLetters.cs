using MedInfo.Content.Diagnostics;
using MedInfo.Letters;

namespace MedInfo.Content.Tests;

/// <summary>Builds small synthetic letters for tests. Product names are invented (Zentravir®, Examplumab).</summary>
public static class TestLetters
{
    public const string FrontMatter = """
        ---
        id: zentravir-test-letter
        title: Use of ZENTRAVIR in an Invented Condition
        kind: Medical Information
        audience:
          type: hcp
          region: US
          notice: Synthetic test letter for US healthcare professionals.
        products:
          - brand: ZENTRAVIR®
            generic: examplumab
        status: published
        last-updated: 2025-05-08
        ---

        """;

    /// <summary>A letter with the given body after a valid front matter.</summary>
    public static string WithBody(string body) => FrontMatter + body;

    public static LetterReadResult Read(string text) => LetterReader.Read("test.md", text);

    /// <summary>Reads a letter that must have no errors, and returns it.</summary>
    public static Letter ReadValid(string text)
    {
        var result = Read(text);
        Assert.True(result.Letter is not null, "Expected no errors, got:\n" + string.Join('\n', result.Diagnostics));
        return result.Letter!;
    }

    public static IReadOnlyList<Diagnostic> Errors(string text) => Read(text).Diagnostics.Where(d => d.IsError).ToList();

    public static IReadOnlyList<Diagnostic> Warnings(string text) => Read(text).Diagnostics.Where(d => !d.IsError).ToList();
}

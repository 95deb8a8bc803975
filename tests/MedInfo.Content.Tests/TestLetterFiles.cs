using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Tests;

/// <summary>The synthetic letters of tests/letters, for tests that check each one on the page and in the PDF.</summary>
public static class TestLetterFiles
{
    /// <summary>Each letter's path under tests/letters, as theory data.</summary>
    public static TheoryData<string> All() =>
        new(Directory.EnumerateFiles(RepositoryPaths.TestLetters, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.TestLetters, f)).Order(StringComparer.Ordinal));

    public static async Task<Letter> ReadAsync(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestLetters, relativePath));
        var result = LetterReader.Read(relativePath, text, new FolderFigureFiles(RepositoryPaths.TestLetters, relativePath));
        Assert.True(result.Letter is not null, "Expected no errors, got:\n" + string.Join('\n', result.Diagnostics));
        return result.Letter!;
    }

    /// <summary>
    /// Text without spaces, hyphens and bullets, to compare a letter's lines with what a page or PDF shows: a
    /// superscript stands apart from its word there, and a line may break at a hyphen.
    /// </summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '•'));

    /// <summary>Each line of the letter as a copy-paste of it reads, up to its references (which are checked as entries).</summary>
    public static IEnumerable<string> SquashedLines(Letter letter) =>
        LetterPlainText.Render(letter).Split('\n').TakeWhile(l => l != "References").Select(Squash).Where(l => l.Length > 0);
}

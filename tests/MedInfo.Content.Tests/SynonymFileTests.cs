namespace MedInfo.Content.Tests;

public sealed class SynonymFileTests
{
    [Fact]
    public void Each_line_is_a_group_of_words_or_phrases_and_comments_are_skipped()
    {
        var (groups, diagnostics) = SynonymFile.Read("content/synonyms.txt", "# Search synonyms\n\nbreastfeeding, lactation,  nursing  # as mothers say\nheart attack, myocardial infarction\n");

        Assert.Empty(diagnostics);
        Assert.Equal([["breastfeeding", "lactation", "nursing"], ["heart attack", "myocardial infarction"]], groups);
    }

    [Theory]
    [InlineData("lactation\n", 1, 1, "nothing to stand for")]
    [InlineData("# ok\nlactation, , nursing\n", 2, 12, "empty synonym")]
    [InlineData("lactation, <b>nursing</b>\n", 1, 12, "'<' cannot be part of a synonym")]
    public void A_line_that_is_not_a_group_is_an_error_at_its_place(string text, int line, int column, string message)
    {
        var (_, diagnostics) = SynonymFile.Read("content/synonyms.txt", text);

        var error = Assert.Single(diagnostics);
        Assert.True(error.IsError);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_a_bad_synonyms_file_says_where_and_writes_nothing()
    {
        var root = Directory.CreateTempSubdirectory("medinfo-synonyms-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "letter.md"), SyntheticLetters.Letter("letter-a"));
            await File.WriteAllTextAsync(Path.Combine(root, SynonymFile.RelativePath), "lactation\n");

            var read = await ContentTreeReader.ReadAsync(root);

            Assert.True(read.HasErrors);
            Assert.StartsWith($"{root}/synonyms.txt:1:1: error:", Assert.Single(read.Diagnostics).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

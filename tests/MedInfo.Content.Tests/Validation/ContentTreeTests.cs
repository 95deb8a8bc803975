namespace MedInfo.Content.Tests.Validation;

public sealed class ContentTreeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("medinfo-tree-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task Two_files_with_one_id_are_both_errors_naming_the_other_file()
    {
        Write("a/one.md", TestLetters.WithBody("## Summary\n\nOne.\n"));
        Write("b/two.md", TestLetters.WithBody("## Summary\n\nTwo.\n"));

        var result = await ContentTreeReader.ReadAsync(root);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("a/one.md", StringComparison.Ordinal) && d.Line == 2 && d.Message.Contains("b/two.md", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("b/two.md", StringComparison.Ordinal) && d.Message.Contains("a/one.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Letters_sent_while_reading_arrive_in_the_files_order_and_are_not_also_kept()
    {
        var paths = Enumerable.Range(0, 60).Select(i => $"{(char)('a' + (i % 3))}/letter-{59 - i:00}.md").ToList();
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            Write(path, SyntheticLetters.Letter($"letter-{i:00}", sentence: i % 7 == 0 ? "Broken[@nosuchref]." : "Invented wording."));
        }

        var sent = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var result = await ContentTreeReader.ReadAndSendAsync(root, source => source.RelativePath, sent.Writer);
        var received = new List<string>();
        await foreach (var path in sent.Reader.ReadAllAsync())
        {
            received.Add(path);
        }

        Assert.Empty(result.Letters);
        Assert.Equal(9, result.Diagnostics.Select(d => d.Path).Distinct().Count());
        Assert.Equal(paths.Where((_, i) => i % 7 != 0).Order(StringComparer.Ordinal), received);
    }

    [Fact]
    public async Task The_editors_guide_and_templates_are_not_letters()
    {
        Write("README.md", "# How to write letters\n");
        Write("templates/cover-letter.md", "Dear {{hcp}}\n");
        Write("x/letter.md", TestLetters.WithBody("## Summary\n\nOne.\n"));

        var result = await ContentTreeReader.ReadAsync(root);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(1, result.FileCount);
        Assert.Equal("x/letter.md", result.Letters.Single().RelativePath);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_message()
    {
        Write("big.md", TestLetters.WithBody("## Summary\n\n" + new string('x', LetterReader.MaxFileLength)));

        var result = await ContentTreeReader.ReadAsync(root);

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("at most 1024 KB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Line_endings_do_not_change_the_content_hash()
    {
        var text = TestLetters.WithBody("## Summary\n\nOne.\n");
        Assert.Equal(ContentTreeReader.Hash(text), ContentTreeReader.Hash(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.NotEqual(ContentTreeReader.Hash(text), ContentTreeReader.Hash(text + " "));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_missing_folder_is_an_error_not_an_exception()
    {
        var result = await ContentTreeReader.ReadAsync(Path.Combine(root, "nope"));

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("does not exist", StringComparison.Ordinal));
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MedInfo.Content.Diagnostics;
using MedInfo.Letters;

namespace MedInfo.Content;

/// <summary>One letter file that read without errors.</summary>
/// <param name="RelativePath">Path inside the content folder, with '/' separators.</param>
/// <param name="ContentHash">SHA-256 of the file's text (line endings normalised), to skip unchanged files.</param>
public sealed record LetterSource(string RelativePath, string Text, string ContentHash, Letter Letter);

/// <summary>Everything read from a content folder. <see cref="Letters"/> is only complete when there are no errors.</summary>
public sealed record ContentReadResult(IReadOnlyList<LetterSource> Letters, IReadOnlyList<Diagnostic> Diagnostics, int FileCount)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>Reads every letter under a content folder and checks what no single file can: that ids are unique.</summary>
public static class ContentTreeReader
{
    /// <summary>Files under content/ that are not letters: the editors' guide and the cover-letter templates.</summary>
    public static bool IsLetterFile(string relativePath) =>
        relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Path.GetFileName(relativePath), "README.md", StringComparison.OrdinalIgnoreCase)
        && !relativePath.StartsWith("templates/", StringComparison.OrdinalIgnoreCase);

    public static async Task<ContentReadResult> ReadAsync(string root, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(root))
        {
            var missing = new Diagnostic(root, 1, 1, Severity.Error, $"The content folder '{root}' does not exist.");
            return new ContentReadResult([], [missing], 0);
        }

        var relativePaths = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(IsLetterFile)
            .Order(StringComparer.Ordinal)
            .ToList();

        var results = new (string Path, string Text, LetterReadResult Result)[relativePaths.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, relativePaths.Count), cancellationToken, async (i, ct) =>
        {
            var displayPath = Path.Join(root, relativePaths[i]).Replace('\\', '/');
            var text = await ReadTextAsync(Path.Join(root, relativePaths[i]), ct).ConfigureAwait(false);
            results[i] = (relativePaths[i], text, LetterReader.Read(displayPath, text));
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        var diagnostics = results.SelectMany(r => r.Result.Diagnostics).ToList();
        diagnostics.AddRange(DuplicateIds(results.Where(r => r.Result.Letter is not null).Select(r => (r.Path, r.Result)), root));

        var letters = results
            .Where(r => r.Result.Letter is not null)
            .Select(r => new LetterSource(r.Path, r.Text, Hash(r.Text), r.Result.Letter!))
            .ToList();
        return new ContentReadResult(letters, diagnostics, relativePaths.Count);
    }

    /// <summary>The hash that decides whether a file changed; line endings do not count as a change.</summary>
    public static string Hash(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length > LetterReader.MaxFileLength * 4L)
        {
            // Do not read a huge file into memory just to say it is too large.
            return new string(' ', LetterReader.MaxFileLength + 1);
        }

        return await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<Diagnostic> DuplicateIds(IEnumerable<(string Path, LetterReadResult Result)> read, string root)
    {
        var byId = new ConcurrentDictionary<string, List<(string Path, int Line)>>(StringComparer.Ordinal);
        foreach (var (path, result) in read)
        {
            byId.GetOrAdd(result.Letter!.Metadata.Id, _ => []).Add((path, result.IdLine));
        }

        foreach (var (id, files) in byId.Where(kv => kv.Value.Count > 1))
        {
            foreach (var (path, line) in files)
            {
                var others = string.Join(", ", files.Where(f => f.Path != path).Select(f => f.Path));
                yield return new Diagnostic(Path.Join(root, path).Replace('\\', '/'), line, 1, Severity.Error,
                    $"The id '{id}' is also used by {others}; every letter needs its own id.");
            }
        }
    }
}

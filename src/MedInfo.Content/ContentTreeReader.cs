using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using System.Text;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content;

/// <summary>One letter file that read without errors.</summary>
/// <param name="RelativePath">Path inside the content folder, with '/' separators.</param>
/// <param name="ContentHash">SHA-256 of the file's text (line endings normalised) and of its figures' images, to
/// skip unchanged files: a changed image makes a new version as a changed word does.</param>
/// <param name="Figures">The images its figures show, in reading order.</param>
/// <param name="Stamp">The file's stamp as it was read, when old enough to be trusted (<see cref="FileStamp.Trusted"/>).</param>
public sealed record LetterSource(string RelativePath, string Text, string ContentHash, Letter Letter, IReadOnlyList<FigureFile> Figures, FileStamp? Stamp = null);

/// <summary>A file the store already holds with the same hash: not parsed again (it passed every check when imported).</summary>
/// <param name="FigureFiles">The images its stored version's figures came from (content-folder paths), hashed again to see whether one changed.</param>
/// <param name="Stamp">The file's stamp when this machine last read it with this hash: the same stamp now, and a
/// letter without figures, is not even read.</param>
public sealed record KnownLetter(string LetterId, string ContentHash, IReadOnlyList<string>? FigureFiles = null, FileStamp? Stamp = null);

/// <summary>A file skipped because it is unchanged: where it is, which letter it is, and its trusted stamp.</summary>
public sealed record UnchangedSource(string RelativePath, string LetterId, FileStamp? Stamp = null);

/// <summary>Everything read from a content folder. <see cref="Letters"/> is only complete when there are no errors.</summary>
/// <typeparam name="TKept">What the caller kept of each letter read (<see cref="LetterSource"/> itself, or less).</typeparam>
/// <param name="Letters">Files that were read (new or changed), as the caller kept them, in path order.</param>
/// <param name="Diagnostics">Every message, for every file.</param>
/// <param name="FileCount">Letter files found.</param>
/// <param name="Unchanged">Files skipped because the store holds them as they are.</param>
/// <param name="Synonyms">The groups of the editors' synonyms file (<see cref="SynonymFile"/>); empty without one.</param>
public sealed record ContentReadResult<TKept>(IReadOnlyList<TKept> Letters, IReadOnlyList<Diagnostic> Diagnostics, int FileCount, IReadOnlyList<UnchangedSource> Unchanged, IReadOnlyList<IReadOnlyList<string>>? Synonyms = null)
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

    /// <summary>Reads every letter and keeps each one whole, model included.</summary>
    /// <inheritdoc cref="ReadAsync{TKept}"/>
    public static Task<ContentReadResult<LetterSource>> ReadAsync(
        string root, IProgress<int>? progress = null, IReadOnlyDictionary<string, KnownLetter>? known = null, CancellationToken cancellationToken = default) =>
        ReadAsync(root, static source => source, progress, known, cancellationToken);

    /// <summary>
    /// Reads every letter, keeping of each one that reads without errors only what <paramref name="keep"/> returns.
    /// A letter's model is a large graph of small objects: an import of thousands that held every model until the
    /// last file was read spent much of its time in the garbage collector, so it keeps what it writes instead.
    /// </summary>
    /// <param name="root">The content folder.</param>
    /// <param name="keep">What to keep of a letter, called on each as soon as it is read (on several threads at once).</param>
    /// <param name="progress">Files done so far.</param>
    /// <param name="known">What the store holds, by relative path: a file with the same hash is not parsed again.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static Task<ContentReadResult<TKept>> ReadAsync<TKept>(
        string root, Func<LetterSource, TKept> keep, IProgress<int>? progress = null, IReadOnlyDictionary<string, KnownLetter>? known = null, CancellationToken cancellationToken = default)
        where TKept : class =>
        ReadCoreAsync(root, keep, send: null, progress, known, cancellationToken);

    /// <summary>
    /// Reads every letter as <see cref="ReadAsync{TKept}"/> does, but sends what is kept of each one to
    /// <paramref name="send"/> in the files' order, as soon as it and every file before it are read, and keeps none
    /// of it (the result's letters are empty): a caller that writes while the rest is still being read holds a few
    /// letters at a time, in the order a caller of <see cref="ReadAsync{TKept}"/> sees them. The channel must be
    /// unbounded; it is completed when the read ends, with the read's exception if it fails.
    /// </summary>
    /// <inheritdoc cref="ReadAsync{TKept}"/>
    public static Task<ContentReadResult<TKept>> ReadAndSendAsync<TKept>(
        string root, Func<LetterSource, TKept> keep, ChannelWriter<TKept> send, IProgress<int>? progress = null, IReadOnlyDictionary<string, KnownLetter>? known = null, CancellationToken cancellationToken = default)
        where TKept : class =>
        ReadCoreAsync(root, keep, send, progress, known, cancellationToken);

    private static async Task<ContentReadResult<TKept>> ReadCoreAsync<TKept>(
        string root, Func<LetterSource, TKept> keep, ChannelWriter<TKept>? send, IProgress<int>? progress, IReadOnlyDictionary<string, KnownLetter>? known, CancellationToken cancellationToken)
        where TKept : class
    {
        try
        {
            var read = await ReadFilesAsync(root, keep, send, progress, known, cancellationToken).ConfigureAwait(false);
            send?.TryComplete();
            return read;
        }
        catch (Exception e)
        {
            send?.TryComplete(e);
            throw;
        }
    }

    private static async Task<ContentReadResult<TKept>> ReadFilesAsync<TKept>(
        string root, Func<LetterSource, TKept> keep, ChannelWriter<TKept>? send, IProgress<int>? progress, IReadOnlyDictionary<string, KnownLetter>? known, CancellationToken cancellationToken)
        where TKept : class
    {
        if (!Directory.Exists(root))
        {
            var missing = new Diagnostic(root, 1, 1, Severity.Error, $"The content folder '{root}' does not exist.");
            return new ContentReadResult<TKept>([], [missing], 0, []);
        }

        var relativePaths = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(IsLetterFile)
            .Order(StringComparer.Ordinal)
            .ToList();

        var results = new FileRead<TKept>[relativePaths.Count];
        var sender = send is null ? null : new InOrderSender<TKept>(results, send);
        var done = 0;
        var readAt = DateTime.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, relativePaths.Count), cancellationToken, async (i, ct) =>
        {
            var path = relativePaths[i];
            var file = new FileInfo(Path.Join(root, path));
            var stamp = FileStamp.Trusted(file, readAt); // taken before reading: a write during the read changes it
            var stored = known?.GetValueOrDefault(path);
            if (stored is { Stamp: { } before, FigureFiles: null or [] } && FileStamp.Of(file) == before)
            {
                results[i] = FileRead<TKept>.Unchanged(path, stored.LetterId, idLine: 0, stamp); // not written since: not read
            }
            else
            {
                var text = await ReadTextAsync(file.FullName, ct).ConfigureAwait(false);
                if (stored is not null && stored.ContentHash == KnownHash(root, text, stored.FigureFiles))
                {
                    results[i] = FileRead<TKept>.Unchanged(path, stored.LetterId, IdLine(text), stamp);
                }
                else
                {
                    var read = LetterReader.Read(Path.Join(root, path).Replace('\\', '/'), text, new FolderFigureFiles(root, path));
                    var kept = read.Letter is { } letter
                        ? keep(new LetterSource(path, text, Hash(text, read.Figures ?? []), letter, read.Figures ?? [], stamp))
                        : null;
                    results[i] = new FileRead<TKept>(path, read.Letter?.Metadata.Id, read.IdLine, read.Diagnostics, kept, KnownId: null, stamp);
                }
            }

            sender?.Done(i);
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        IReadOnlyList<IReadOnlyList<string>> synonyms = [];
        var synonymPath = Path.Join(root, SynonymFile.RelativePath);
        if (File.Exists(synonymPath))
        {
            var (groups, problems) = SynonymFile.Read(synonymPath.Replace('\\', '/'), await File.ReadAllTextAsync(synonymPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
            synonyms = groups;
            diagnostics.AddRange(problems);
        }

        var ids = results.Where(r => r.Id is not null).Select(r => (r.Path, Id: r.Id!, Line: r.IdLine));
        diagnostics.AddRange(DuplicateIds(ids, root));

        var letters = results.Where(r => r.Kept is not null).Select(r => r.Kept!).ToList();
        var unchanged = results.Where(r => r.KnownId is not null).Select(r => new UnchangedSource(r.Path, r.KnownId!, r.Stamp)).ToList();
        return new ContentReadResult<TKept>(letters, diagnostics, relativePaths.Count, unchanged, synonyms);
    }

    /// <summary>
    /// What is held of one file until every file is read: its messages, its id (for the duplicate check), and what
    /// the caller kept of its letter, or the letter the store already holds for it.
    /// </summary>
    /// <param name="IdLine">The line of its id; 0 for a file that was not read.</param>
    private sealed record FileRead<TKept>(string Path, string? Id, int IdLine, IReadOnlyList<Diagnostic> Diagnostics, TKept? Kept, string? KnownId, FileStamp? Stamp)
        where TKept : class
    {
        public static FileRead<TKept> Unchanged(string path, string letterId, int idLine, FileStamp? stamp) =>
            new(path, letterId, idLine, [], null, letterId, stamp);
    }

    /// <summary>Sends each file's kept letter once it and every file before it are read, and lets it go.</summary>
    private sealed class InOrderSender<TKept>(FileRead<TKept>[] results, ChannelWriter<TKept> send)
        where TKept : class
    {
        private readonly Lock gate = new();
        private readonly bool[] done = new bool[results.Length];
        private int next;

        public void Done(int index)
        {
            lock (gate)
            {
                done[index] = true;
                for (; next < results.Length && done[next]; next++)
                {
                    if (results[next].Kept is { } kept)
                    {
                        if (!send.TryWrite(kept))
                        {
                            throw new InvalidOperationException("Letters are sent to an unbounded channel that stays open while they are read.");
                        }

                        results[next] = results[next] with { Kept = null };
                    }
                }
            }
        }
    }

    /// <summary>The hash that decides whether a file changed; line endings do not count as a change.</summary>
    public static string Hash(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>
    /// The hash of a letter with figures: its text's hash and each image's path and hash. A letter without figures
    /// keeps the hash of its text alone, as before figures existed.
    /// </summary>
    public static string Hash(string text, IEnumerable<FigureFile> figures) =>
        Combine(Hash(text), figures.Select(f => (f.ContentPath, f.Image.Sha256)).ToList());

    private static string Combine(string textHash, IReadOnlyList<(string Path, string Sha256)> figures) =>
        figures.Count == 0
            ? textHash
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(textHash + "\n" + string.Join('\n', figures.Select(f => $"{f.Path} {f.Sha256}")))));

    /// <summary>The hash of a stored letter's file as it is now: its text, and the images its figures came from (a missing one changes it).</summary>
    private static string KnownHash(string root, string text, IReadOnlyList<string>? figureFiles)
    {
        var figures = new List<(string, string)>();
        foreach (var path in figureFiles ?? [])
        {
            var full = Path.Join(root, path);
            figures.Add((path, File.Exists(full) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))) : "missing"));
        }

        return Combine(Hash(text), figures);
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

    /// <summary>The line of the front matter's id, for messages about a file that was not parsed again.</summary>
    private static int IdLine(string text)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("id:", StringComparison.Ordinal));
        return index < 0 ? 1 : index + 1;
    }

    private static IEnumerable<Diagnostic> DuplicateIds(IEnumerable<(string Path, string Id, int Line)> read, string root)
    {
        var byId = new ConcurrentDictionary<string, List<(string Path, int Line)>>(StringComparer.Ordinal);
        foreach (var (path, id, line) in read)
        {
            byId.GetOrAdd(id, _ => []).Add((path, line));
        }

        foreach (var (id, files) in byId.Where(kv => kv.Value.Count > 1))
        {
            foreach (var (path, known) in files)
            {
                // A file skipped by its stamp was not read: read it now, to point at its id.
                var line = known > 0 ? known : IdLine(File.ReadAllText(Path.Join(root, path)));
                var others = string.Join(", ", files.Where(f => f.Path != path).Select(f => f.Path));
                yield return new Diagnostic(Path.Join(root, path).Replace('\\', '/'), line, 1, Severity.Error,
                    $"The id '{id}' is also used by {others}; every letter needs its own id.");
            }
        }
    }
}

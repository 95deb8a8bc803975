using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>
/// The words of the published letters' titles and product names, to correct a misspelt search ("daratumamab" →
/// "daratumumab"). Product names weigh most. Kept in memory and built again after an import in this process
/// (StoreChanges), or after <see cref="Lifetime"/> (another portal on the same database may have imported); a
/// reader's corrections come only from letters written for them.
/// </summary>
public sealed class SearchVocabulary(IDbContextFactory<MedInfoDb> dbFactory, StoreChanges changes) : IDisposable
{
    /// <summary>Words shorter than this are not corrected: too many real words are two edits apart.</summary>
    public const int MinLength = 5;

    private const int MaxEdits = 2;
    private const int ProductWeight = 1000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim building = new(1, 1);
    private (long Generation, long BuiltAt, Dictionary<Readership, Dictionary<string, int>> Words)? kept;

    /// <summary>
    /// The search text with each misspelt word (at least <see cref="MinLength"/> letters, not a word of any letter
    /// nor the start of one) replaced by the closest word of the letters, up to two edits away; null when nothing
    /// needs correcting or nothing is close.
    /// </summary>
    public async Task<string?> CorrectAsync(Readership reader, string text, CancellationToken cancellationToken = default)
    {
        var vocabulary = (await WordsAsync(cancellationToken).ConfigureAwait(false))[reader];
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var corrected = false;
        for (var i = 0; i < words.Length; i++)
        {
            var folded = PostgreSqlFullText.Fold(words[i]).Trim();
            if (folded.Length < MinLength || folded.Any(c => !char.IsLetter(c)) || vocabulary.ContainsKey(folded))
            {
                continue;
            }

            var stem = WordStems.Of(folded);
            if (vocabulary.Keys.Any(w => w.StartsWith(stem, StringComparison.Ordinal)))
            {
                continue; // another form of a word the letters have: the search finds it as it is
            }

            var best = vocabulary
                .Where(w => Math.Abs(w.Key.Length - folded.Length) <= MaxEdits)
                .Select(w => (Word: w.Key, Weight: w.Value, Distance: Distance(folded, w.Key)))
                .Where(c => c.Distance <= MaxEdits)
                .OrderBy(c => c.Distance).ThenByDescending(c => c.Weight).ThenBy(c => c.Word, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Word is not null)
            {
                words[i] = best.Word;
                corrected = true;
            }
        }

        return corrected ? string.Join(' ', words) : null;
    }

    private async Task<Dictionary<Readership, Dictionary<string, int>>> WordsAsync(CancellationToken cancellationToken)
    {
        var generation = changes.Generation;
        bool Fresh((long Generation, long BuiltAt, Dictionary<Readership, Dictionary<string, int>> Words) entry) =>
            entry.Generation == generation && Environment.TickCount64 - entry.BuiltAt < Lifetime.TotalMilliseconds;
        if (kept is { } current && Fresh(current))
        {
            return current.Words;
        }

        await building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (kept is { } built && Fresh(built))
            {
                return built.Words;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var letters = await db.Letters.AsNoTracking()
                .Where(l => !l.IsRetired && l.PublishedVersionId != null)
                .Select(l => new
                {
                    l.PublishedVersion!.Title,
                    l.PublishedVersion.Audience,
                    Products = l.PublishedVersion.Products.Select(p => p.Product!.Brand + " " + p.Product.Generic).ToList(),
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var words = new Dictionary<Readership, Dictionary<string, int>>
            {
                [Readership.Public] = new(StringComparer.Ordinal),
                [Readership.HealthcareProfessional] = new(StringComparer.Ordinal),
            };
            foreach (var letter in letters)
            {
                foreach (var reader in words.Keys.Where(r => letter.Audience.IsReadableBy(r)))
                {
                    Add(words[reader], letter.Title, 1);
                    letter.Products.ForEach(p => Add(words[reader], p, ProductWeight));
                }
            }

            kept = (generation, Environment.TickCount64, words);
            return words;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose() => building.Dispose();

    private static void Add(Dictionary<string, int> words, string text, int weight)
    {
        foreach (var word in PostgreSqlFullText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= MinLength && w.All(char.IsLetter)))
        {
            words[word] = words.GetValueOrDefault(word) + weight;
        }
    }

    /// <summary>Edits between two words: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

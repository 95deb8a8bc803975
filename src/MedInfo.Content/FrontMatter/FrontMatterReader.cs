using System.Globalization;
using System.Text.RegularExpressions;
using MedInfo.Content.Diagnostics;
using MedInfo.Letters;
using YamlDotNet.Core;

namespace MedInfo.Content.FrontMatter;

/// <summary>
/// Reads the front matter of a letter into its metadata, checking each field and naming the line of any mistake.
/// The YAML starts on line 2 of the file (line 1 is the opening <c>---</c>).
/// </summary>
internal sealed partial class FrontMatterReader(DiagnosticList diagnostics)
{
    private const int FirstYamlLine = 2;

    internal static readonly HashSet<string> KnownKeys =
    [
        "id", "title", "kind", "audience", "products", "status", "last-updated", "review-by",
        "literature-search", "therapeutic-area", "keywords",
    ];

    internal static readonly string[] AudienceKeys = ["type", "region", "notice"];
    internal static readonly string[] ProductKeys = ["brand", "generic", "prescribing-information"];
    internal static readonly string[] LiteratureSearchKeys = ["date", "databases"];

    /// <summary>The words 'audience: type:' takes.</summary>
    internal static readonly string[] AudienceTypes = ["hcp", "patient"];

    /// <summary>
    /// The longest text each field may hold: enough for any real letter, small enough that a slip (a pasted document
    /// in a title) is caught at import and never becomes a megabyte page header or a minute of PDF printing.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, int> MaxLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["id"] = LetterId.MaxLength, ["title"] = 300, ["kind"] = 100, ["status"] = 20, ["last-updated"] = 20, ["review-by"] = 20,
        ["therapeutic-area"] = 200, ["keywords"] = 100, ["type"] = 20, ["region"] = 40, ["notice"] = 1000, ["brand"] = 100,
        ["generic"] = 300, ["prescribing-information"] = 2000, ["date"] = 20, ["databases"] = 200,
    };

    /// <summary>The most entries a list may have (keywords, databases searched, products).</summary>
    internal const int MaxListEntries = 50;

    /// <summary>The line the id is written on, so a duplicate id can be pointed at.</summary>
    public int IdLine { get; private set; } = 1;

    public LetterMetadata? Read(string yaml)
    {
        if (YamlDepthCheck.TryFindTooDeep(yaml, out var deepLine, out var deepColumn))
        {
            diagnostics.Error(deepLine + FirstYamlLine, deepColumn, $"The front matter is nested too deeply (more than {YamlDepthCheck.MaxFlowDepth} brackets inside one another, or a line indented more than {YamlDepthCheck.MaxIndent} spaces). Letter details need at most three levels.");
            return null;
        }

        if (ReadKeys(yaml) is not { } root)
        {
            return null;
        }

        WarnUnknownKeys(root, KnownKeys, "front matter key");

        var errorsBefore = diagnostics.Items.Count(d => d.IsError);
        var id = RequiredText(root, "id");
        if (id is not null)
        {
            IdLine = FileLine(root["id"]);
            if (!LetterId.IsWellFormed(id))
            {
                ErrorAt(root["id"], $"The id '{id}' may only use lowercase letters, digits and hyphens (for example 'darzalex-poems-syndrome'): it becomes the letter's web address.");
            }
        }

        var title = RequiredText(root, "title");
        var kind = RequiredText(root, "kind");
        var audience = ReadAudience(root);
        var products = ReadProducts(root);
        var status = ReadStatus(root);
        var lastUpdated = ReadDate(root, "last-updated", required: true);
        var reviewBy = ReadDate(root, "review-by", required: false);
        var literatureSearch = ReadLiteratureSearch(root);
        var therapeuticArea = OptionalText(root, "therapeutic-area");
        var keywords = ReadTextList(root, "keywords");

        if (diagnostics.Items.Count(d => d.IsError) > errorsBefore || id is null || title is null || kind is null
            || audience is null || products is null || status is null || lastUpdated is null)
        {
            return null;
        }

        return new LetterMetadata(id, title, kind, audience, products, status.Value, lastUpdated.Value, reviewBy,
            literatureSearch, therapeuticArea, keywords);
    }

    /// <summary>The front matter's keys: read directly when written the plain way the guide shows, by YamlDotNet otherwise.</summary>
    private FrontMatterMap? ReadKeys(string yaml)
    {
        if (PlainFrontMatterParser.TryParse(yaml) is { } plain)
        {
            return plain;
        }

        try
        {
            if (YamlFrontMatter.Load(yaml) is FrontMatterMap mapping)
            {
                return mapping;
            }

            diagnostics.Error(FirstYamlLine, 1, "The front matter must be a list of 'key: value' lines (id, title, products, ...).");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Error((int)e.Start.Line + FirstYamlLine - 1, (int)e.Start.Column, "The front matter is not valid YAML: " + FirstSentence(e.Message));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports some malformed input (an alias '*x' after a value) with these instead of a
            // YamlException, and without a position; point at the first value that needs quotes, if there is one.
            var (line, column) = FirstValueNeedingQuotes(yaml) ?? (FirstYamlLine, 1);
            diagnostics.Error(line, column,
                "The front matter is not valid YAML here. A value that starts with [ { * & ! | > % @ or ` must be in quotes, for example title: \"*Note\"");
            return null;
        }
    }

    private Audience? ReadAudience(FrontMatterMap root)
    {
        if (!root.TryGet("audience", out var node))
        {
            diagnostics.Error(FirstYamlLine, 1, "The front matter needs 'audience:' with 'type:' (hcp or patient), 'region:' (for example US) and 'notice:' (the text shown at the top of the letter).");
            return null;
        }

        if (node is not FrontMatterMap mapping)
        {
            ErrorAt(node, "'audience:' needs 'type:', 'region:' and 'notice:' on indented lines below it.");
            return null;
        }

        WarnUnknownKeys(mapping, AudienceKeys, "key under 'audience:'");
        var kind = ReadAudienceKind(mapping);
        var region = RequiredText(mapping, "region", "audience");
        var notice = RequiredText(mapping, "notice", "audience");
        return region is null || notice is null || kind is null ? null : new Audience(region, notice, kind.Value);
    }

    private AudienceKind? ReadAudienceKind(FrontMatterMap audience)
    {
        if (!audience.TryGet("type", out _))
        {
            diagnostics.Error(FileLine(audience), 1,
                "'audience:' needs 'type: hcp' (a letter for healthcare professionals) or 'type: patient' (for patients and caregivers): it decides who may read the letter.");
            return null;
        }

        var text = RequiredText(audience, "type", "audience");
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case var word when word == AudienceTypes[0]:
                return AudienceKind.Hcp;
            case var word when word == AudienceTypes[1]:
                return AudienceKind.Patient;
            default:
                ErrorAt(audience["type"],
                    $"'type' under 'audience:' must be hcp (healthcare professionals) or patient (patients and caregivers), got '{text}'.");
                return null;
        }
    }

    private List<Product>? ReadProducts(FrontMatterMap root)
    {
        if (!root.TryGet("products", out var node))
        {
            diagnostics.Error(FirstYamlLine, 1, "The front matter needs 'products:' with at least one product (brand and generic name).");
            return null;
        }

        if (node is not FrontMatterList sequence || sequence.Items.Count == 0)
        {
            ErrorAt(node, "'products:' must list at least one product, each as '- brand: ...' with 'generic: ...' below it.");
            return null;
        }

        if (sequence.Items.Count > MaxListEntries)
        {
            ErrorAt(node, $"'products:' lists {sequence.Items.Count} products; at most {MaxListEntries} are allowed.");
            return null;
        }

        var products = new List<Product>();
        foreach (var item in sequence.Items)
        {
            if (item is not FrontMatterMap product)
            {
                ErrorAt(item, "Each product needs 'brand:' and 'generic:'.");
                continue;
            }

            WarnUnknownKeys(product, ProductKeys, "key of a product");
            var brand = RequiredText(product, "brand", "product");
            var generic = RequiredText(product, "generic", "product");
            var link = OptionalText(product, "prescribing-information");
            if (link is not null && !IsWebAddress(link))
            {
                ErrorAt(product["prescribing-information"], $"'prescribing-information' must be a web address starting with https:// (got '{link}').");
                link = null;
            }

            if (brand is not null && generic is not null)
            {
                products.Add(new Product(brand, generic, link));
            }
        }

        return products.Count == sequence.Items.Count ? products : null;
    }

    private LetterStatus? ReadStatus(FrontMatterMap root)
    {
        var text = RequiredText(root, "status");
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<LetterStatus>(text, ignoreCase: true, out var status) && !text.Any(char.IsDigit))
        {
            return status;
        }

        ErrorAt(root["status"], $"'status' must be draft, published or retired (got '{text}').");
        return null;
    }

    private LiteratureSearch? ReadLiteratureSearch(FrontMatterMap root)
    {
        if (!root.TryGet("literature-search", out var node))
        {
            return null;
        }

        if (node is not FrontMatterMap mapping)
        {
            ErrorAt(node, "'literature-search:' needs 'date:' and 'databases:' on indented lines below it.");
            return null;
        }

        WarnUnknownKeys(mapping, LiteratureSearchKeys, "key under 'literature-search:'");
        var date = ReadDate(mapping, "date", required: true, parent: "literature-search");
        var databases = ReadTextList(mapping, "databases");
        if (databases.Count == 0)
        {
            ErrorAt(node, "'literature-search:' needs 'databases:', the list of databases searched (for example [MEDLINE®, Embase®]).");
            return null;
        }

        return date is null ? null : new LiteratureSearch(date.Value, databases);
    }

    private DateOnly? ReadDate(FrontMatterMap map, string key, bool required, string? parent = null)
    {
        var text = required ? RequiredText(map, key, parent) : OptionalText(map, key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ErrorAt(map[key], $"'{key}' must be a real date written as YYYY-MM-DD, for example 2025-05-08 (got '{text}').");
        return null;
    }

    private List<string> ReadTextList(FrontMatterMap map, string key)
    {
        if (!map.TryGet(key, out var node))
        {
            return [];
        }

        if (node is FrontMatterList sequence)
        {
            if (sequence.Items.Count > MaxListEntries)
            {
                ErrorAt(node, $"'{key}' has {sequence.Items.Count} entries; at most {MaxListEntries} are allowed.");
                return [];
            }

            var items = new List<string>();
            foreach (var item in sequence.Items)
            {
                if (item is FrontMatterText { Value: { Length: > 0 } value })
                {
                    if (WithinLength(item, key, value.Trim()) is { } entry)
                    {
                        items.Add(entry);
                    }
                }
                else
                {
                    ErrorAt(item, $"Each entry of '{key}' must be plain text.");
                }
            }

            return items;
        }

        ErrorAt(node, $"'{key}' must be a list, for example [first, second].");
        return [];
    }

    private string? RequiredText(FrontMatterMap map, string key, string? parent = null)
    {
        if (!map.TryGet(key, out var node))
        {
            var where = parent is null ? "The front matter" : $"Each {parent}";
            var line = parent is null ? FirstYamlLine : FileLine(map);
            diagnostics.Error(line, 1, $"{where} needs '{key}:'.");
            return null;
        }

        if (node is not FrontMatterText { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            ErrorAt(node, $"'{key}' must be plain text and not empty.");
            return null;
        }

        return WithinLength(node, key, value.Trim());
    }

    private string? OptionalText(FrontMatterMap map, string key)
    {
        if (!map.TryGet(key, out var node))
        {
            return null;
        }

        if (node is FrontMatterText { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return WithinLength(node, key, value.Trim());
        }

        ErrorAt(node, $"'{key}' must be plain text; leave the line out if there is nothing to say.");
        return null;
    }

    /// <summary>The text, or null with an error at its place when it is longer than <see cref="MaxLengths"/> allows.</summary>
    private string? WithinLength(FrontMatterNode node, string key, string text)
    {
        if (!MaxLengths.TryGetValue(key, out var max) || text.Length <= max)
        {
            return text;
        }

        ErrorAt(node, $"'{key}' is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {max.ToString(CultureInfo.InvariantCulture)} are allowed. Shorten it (a longer text belongs in the letter's body).");
        return null;
    }

    /// <summary>A key this mapping does not know is a warning at its line, at any depth (a misspelt key would otherwise mean nothing, silently).</summary>
    private void WarnUnknownKeys(FrontMatterMap map, IReadOnlyCollection<string> known, string what)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!known.Contains(key.Value))
            {
                diagnostics.Warning(FileLine(key), key.Column, $"Unknown {what} '{key.Value}' is ignored. Known keys: {string.Join(", ", known)}.");
            }
        }
    }

    private void ErrorAt(FrontMatterNode node, string message) => diagnostics.Error(FileLine(node), node.Column, message);

    /// <summary>The file line and column of the first value starting with a YAML indicator ('*', '&amp;', '!', ...) or with a bracket followed by more text.</summary>
    private static (int Line, int Column)? FirstValueNeedingQuotes(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ValueNeedingQuotes().Match(lines[i]);
            if (match.Success)
            {
                return (i + FirstYamlLine, match.Groups["value"].Index + 1);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(-\s+)?[\w-]+:\s+(?<value>[*&!%@`]|[\[{][^\]}]*[\]}]\s*\S)")]
    private static partial Regex ValueNeedingQuotes();

    private static int FileLine(FrontMatterNode node) => node.Line + FirstYamlLine - 1;

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}

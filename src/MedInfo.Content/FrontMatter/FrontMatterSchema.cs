using System.Text.Json;
using System.Text.Json.Nodes;
using MedInfo.Letters;

namespace MedInfo.Content.FrontMatter;

/// <summary>
/// The front matter as a JSON Schema, for editors' tools (the YAML language server gives completion and marks
/// mistakes while typing). Built from the reader's own keys, limits and words, so the two cannot disagree; the
/// copy in content/ is checked against it by a test and written by <c>medinfo schema</c>.
/// </summary>
public static class FrontMatterSchema
{
    /// <summary>Where the schema is kept in a content folder.</summary>
    public const string FileName = "letter.schema.json";

    public static string Json()
    {
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "MedInfo letter front matter",
            ["description"] = "The details between the two '---' lines at the top of a letter. See content/README.md, section 1.",
            ["type"] = "object",
            ["required"] = Array("id", "title", "kind", "audience", "products", "status", "last-updated"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["id"] = Text("id", "Stable, lowercase letters, digits and hyphens; becomes the letter's web address. Never reuse one.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"),
                ["title"] = Text("title", "The letter's title as printed."),
                ["kind"] = Text("kind", "The document kind label, for example Medical Information."),
                ["audience"] = Object(
                    "Who the letter is written for, and the notice at its top.",
                    FrontMatterReader.AudienceKeys,
                    ("type", Words("hcp: healthcare professionals only (behind the HCP notice); patient: patients and caregivers, readable by everyone.", FrontMatterReader.AudienceTypes)),
                    ("region", Text("region", "For example US: US letters show dates as 05/08/2025.")),
                    ("notice", Text("notice", "The notice shown at the top of the letter and in its PDF."))),
                ["products"] = List("One or more products the letter covers.", Object(
                    "A product, by brand and generic name.",
                    ["brand", "generic"],
                    ("brand", Text("brand", "The brand name with its mark, for example ZENTRAVIR®.")),
                    ("generic", Text("generic", "The generic name.")),
                    ("prescribing-information", Text("prescribing-information", "Optional link to the prescribing information.", pattern: "^https://")))),
                ["status"] = Words("draft: kept, not shown; published: readers see this version; retired: leaves listings and search.", Enum.GetNames<LetterStatus>().Select(n => n.ToLowerInvariant()).ToArray()),
                ["last-updated"] = Date("last-updated", "The letter's last-updated date, YYYY-MM-DD."),
                ["review-by"] = Date("review-by", "Optional: the portal flags the letter once this date has passed."),
                ["literature-search"] = Object(
                    "Optional: printed as the LITERATURE SEARCH statement.",
                    FrontMatterReader.LiteratureSearchKeys,
                    ("date", Date("date", "When the search was run, YYYY-MM-DD.")),
                    ("databases", List("The databases searched.", Text("databases", "A database, for example MEDLINE®.")))),
                ["therapeutic-area"] = Text("therapeutic-area", "Optional therapeutic area."),
                ["keywords"] = List("Optional words readers search by.", Text("keywords", "A keyword.")),
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonArray Array(params string[] items) => new(items.Select(i => (JsonNode)i).ToArray());

    private static JsonObject Text(string key, string description, string? pattern = null)
    {
        var node = new JsonObject { ["type"] = "string", ["description"] = description, ["minLength"] = 1, ["maxLength"] = FrontMatterReader.MaxLengths[key] };
        if (pattern is not null)
        {
            node["pattern"] = pattern;
        }

        return node;
    }

    // Quoted or not, YAML may read a date as a date; the schema sees the text the editor typed.
    private static JsonObject Date(string key, string description) => Text(key, description, pattern: "^\\d{4}-\\d{2}-\\d{2}$");

    private static JsonObject Words(string description, string[] words) =>
        new() { ["type"] = "string", ["description"] = description, ["enum"] = Array(words) };

    private static JsonObject List(string description, JsonObject item) =>
        new() { ["type"] = "array", ["description"] = description, ["minItems"] = 1, ["maxItems"] = FrontMatterReader.MaxListEntries, ["items"] = item };

    private static JsonObject Object(string description, IEnumerable<string> required, params (string Key, JsonObject Schema)[] properties) =>
        new()
        {
            ["type"] = "object",
            ["description"] = description,
            ["required"] = Array(required.Where(r => properties.Any(p => p.Key == r)).ToArray()),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Schema))),
        };
}

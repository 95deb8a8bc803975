using Markdig.Syntax;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Extensions.Citations;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.References;

/// <summary>
/// The letter's reference list: definitions read (each key once), numbers given in order of first citation, and
/// the numbered list built, cited references first and any never cited after them (with a warning), so nothing an
/// editor wrote is dropped. The citations' own rendering takes its numbers from here.
/// </summary>
internal static class ReferenceNumbering
{
    public static Dictionary<string, ReferenceDefinitionBlock> ReadDefinitions(IEnumerable<ReferenceDefinitionBlock> inReadingOrder, DiagnosticList diagnostics)
    {
        var definitions = new Dictionary<string, ReferenceDefinitionBlock>(StringComparer.Ordinal);
        foreach (var definition in inReadingOrder)
        {
            if (!definitions.TryAdd(definition.Key, definition))
            {
                diagnostics.Error(definition, $"Reference [@{definition.Key}] is defined twice (first on line {definitions[definition.Key].Line + 1}).");
            }
        }

        return definitions;
    }

    /// <summary>Numbers references in order of first citation, reading the letter from top to bottom.</summary>
    public static Dictionary<string, int> NumberCitations(IEnumerable<CitationInline> inReadingOrder, Dictionary<string, ReferenceDefinitionBlock> definitions)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var citation in inReadingOrder)
        {
            foreach (var key in citation.Keys.Where(definitions.ContainsKey))
            {
                numbers.TryAdd(key, numbers.Count + 1);
            }
        }

        return numbers;
    }

    public static List<Reference> BuildReferenceList(Dictionary<string, ReferenceDefinitionBlock> definitions, Dictionary<string, int> numbers, DiagnosticList diagnostics)
    {
        var references = numbers
            .OrderBy(n => n.Value)
            .Select(n => definitions[n.Key])
            .Select((d, i) => new Reference(i + 1, d.Key, d.Text, d.PubMedId, d.Doi, d.Url))
            .ToList();

        // A reference never cited is still listed (after the cited ones), so nothing an editor wrote is dropped.
        foreach (var definition in definitions.Values.Where(d => !numbers.ContainsKey(d.Key)).OrderBy(d => d.Line))
        {
            diagnostics.Warning(definition, $"Reference [@{definition.Key}] is never cited; it is listed last. Cite it with [@{definition.Key}] or remove it.");
            references.Add(new Reference(references.Count + 1, definition.Key, definition.Text, definition.PubMedId, definition.Doi, definition.Url));
        }

        return references;
    }
}

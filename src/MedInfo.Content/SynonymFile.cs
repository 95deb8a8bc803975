using MedInfo.Content.Diagnostics;

namespace MedInfo.Content;

/// <summary>
/// The editors' synonyms for search, content/synonyms.txt: one group per line, words or phrases that mean the same
/// separated by commas ("breastfeeding, lactation"); '#' starts a comment. A search for any of them finds letters
/// that use another. The letters' own abbreviations ("Abbreviations: ECOG, Eastern Cooperative Oncology Group")
/// need no line here.
/// </summary>
public static class SynonymFile
{
    public const string RelativePath = "synonyms.txt";

    private const int MaxFormLength = 80;
    private const int MaxGroups = 5000;

    /// <summary>The groups of the file, each a list of two or more forms; with an error per line that is not one.</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Groups, IReadOnlyList<Diagnostic> Diagnostics) Read(string displayPath, string text)
    {
        var groups = new List<IReadOnlyList<string>>();
        var diagnostics = new List<Diagnostic>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var content = line.Split('#', 2)[0];
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            Diagnostic Error(int column, string message) => new(displayPath, i + 1, column, Severity.Error, message);
            var errorsBefore = diagnostics.Count;
            var forms = new List<string>();
            var column = 1;
            foreach (var raw in content.Split(','))
            {
                var form = string.Join(' ', raw.Split(' ', '\t').Where(w => w.Length > 0));
                var at = column + raw.Length - raw.TrimStart().Length;
                if (form.Length == 0)
                {
                    diagnostics.Add(Error(at, "An empty synonym: write words or phrases separated by single commas, e.g. 'breastfeeding, lactation'."));
                }
                else if (form.FirstOrDefault(c => !char.IsLetterOrDigit(c) && c is not ' ' and not '-' and not '\'') is var bad && bad != default)
                {
                    diagnostics.Add(Error(at + raw.TrimStart().IndexOf(bad, StringComparison.Ordinal), $"'{bad}' cannot be part of a synonym: use letters, digits, spaces, hyphens and apostrophes."));
                }
                else if (form.Length > MaxFormLength)
                {
                    diagnostics.Add(Error(at, $"A synonym of {form.Length} characters: at most {MaxFormLength}."));
                }
                else if (!forms.Contains(form, StringComparer.OrdinalIgnoreCase))
                {
                    forms.Add(form);
                }

                column += raw.Length + 1;
            }

            if (forms.Count == 1 && diagnostics.Count == errorsBefore)
            {
                diagnostics.Add(Error(1, $"'{forms[0]}' has nothing to stand for: a line needs two or more words or phrases separated by commas."));
            }
            else if (forms.Count > 1)
            {
                groups.Add(forms);
            }
        }

        if (groups.Count > MaxGroups)
        {
            diagnostics.Add(new Diagnostic(displayPath, 1, 1, Severity.Error, $"{groups.Count} synonym lines: at most {MaxGroups}."));
        }

        return (groups, diagnostics);
    }
}

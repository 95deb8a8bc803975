using System.Text;

namespace MedInfo.Letters;

/// <summary>Web-address-safe names: "DARZALEX FASPRO®" becomes "darzalex-faspro".</summary>
public static class Slug
{
    public static string Make(string text)
    {
        var slug = new StringBuilder(text.Length);
        // Normalize refuses text that is not valid UTF-16 (a lone surrogate, say, from a pasted request number).
        var valid = text.EnumerateRunes().Aggregate(new StringBuilder(text.Length), (b, r) => b.Append(r.ToString())).ToString();
        foreach (var c in valid.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "section" : result;
    }
}

using System.Globalization;
using MedInfo.Content.FrontMatter;
using MedInfo.Letters;

namespace MedInfo.Content;

/// <summary>
/// A new letter to start from: every required detail filled in with a placeholder that passes the checks, status
/// draft (so nothing is published until an editor says so), a summary, a cited sentence and its reference.
/// </summary>
public static class LetterSkeleton
{
    /// <summary>Where <c>medinfo new</c> writes a letter: <c>product-folder/id.md</c> under the content folder.</summary>
    public static string RelativePath(string productFolder, string id) => $"{productFolder}/{id}.md";

    /// <summary>Why a product folder or id cannot be used (null when both can).</summary>
    public static string? Problem(string productFolder, string id) =>
        !LetterId.IsWellFormed(productFolder) ? $"The product folder '{productFolder}' may only use lowercase letters, digits and hyphens (for example 'zentravir')."
        : !LetterId.IsWellFormed(id) ? $"The id '{id}' may only use lowercase letters, digits and hyphens (for example 'zentravir-missed-dose'): it becomes the letter's web address."
        : null;

    public static string Text(string productFolder, string id, DateOnly today) => $"""
        ---
        # yaml-language-server: $schema=../{FrontMatterSchema.FileName}
        id: {id}
        title: Use of PRODUCT in ... (write the question the letter answers)
        kind: Medical Information
        audience:
          type: hcp                 # hcp (healthcare professionals) | patient (patients and caregivers)
          region: US
          notice: This information is intended for US healthcare professionals. (Write the letter's notice.)
        products:
          - brand: {productFolder.ToUpperInvariant()}®
            generic: (generic name)
        status: draft               # draft | published | retired: readers see nothing until it is published
        last-updated: {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        ---

        ## Summary

        - Write each key point as a bullet, with its citation.[@author2025]

        ## CLINICAL DATA

        Describe the data here: study cards (::: study), tables (::: table), figures (::: figure); see content/README.md.

        ## References

        [@author2025]: Author A, Author B. Title of the article. Journal. 2025;1(1):1-10.

        """;
}

using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MedInfo.Letters;

namespace MedInfo.Web.Components.Pages.History;

public enum LineChange
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(LineChange Kind, string Text);

/// <summary>
/// Compares two versions of a letter line by line, on the letter's plain text (every paragraph, bullet, table
/// cell and reference a line), so staff see what changed since the version they sent.
/// </summary>
public static class LetterDiff
{
    public static IReadOnlyList<DiffLine> Compare(MedInfo.Letters.Letter older, MedInfo.Letters.Letter newer)
    {
        var model = InlineDiffBuilder.Diff(LetterPlainText.Render(older), LetterPlainText.Render(newer), ignoreWhiteSpace: false);
        return model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Inserted => LineChange.Added,
            ChangeType.Deleted => LineChange.Removed,
            _ => LineChange.Unchanged,
        }, line.Text)).ToList();
    }
}

namespace MedInfo.Letters;

/// <summary>
/// How deeply a letter's parts may sit inside one another: the section, callouts, study cards, list items, a
/// paragraph's text, emphasis and links each count one level. A real letter needs well under ten; the reader refuses
/// more than this (with the place), so that every letter it accepts can be stored, shown and printed.
/// </summary>
public static class LetterNesting
{
    public const int MaxDepth = 24;

    /// <summary>
    /// The most levels of JSON a stored model may need: each level of nesting is at most four (a list, its items, an
    /// item, its blocks), plus the letter, its sections and a table's rows and cells around them.
    /// </summary>
    public const int MaxJsonDepth = (4 * MaxDepth) + 16;
}

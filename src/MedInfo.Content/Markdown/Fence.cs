using Markdig.Helpers;

namespace MedInfo.Content.Markdown;

/// <summary>The <c>:::</c> lines that open and close study cards and tables.</summary>
internal static class Fence
{
    public static bool IsClosing(StringSlice line) => line.ToString().Trim() == ":::";

    /// <summary>For <c>::: study Title</c>, the position where "Title" starts; -1 if the line does not open that kind.</summary>
    public static int ArgumentStart(StringSlice line, string kind)
    {
        var text = line.Text;
        var i = line.Start;
        var colons = 0;
        while (i <= line.End && text[i] == ':')
        {
            colons++;
            i++;
        }

        if (colons != 3)
        {
            return -1;
        }

        while (i <= line.End && text[i] == ' ')
        {
            i++;
        }

        if (i + kind.Length > line.End + 1 || string.CompareOrdinal(text, i, kind, 0, kind.Length) != 0)
        {
            return -1;
        }

        i += kind.Length;
        if (i <= line.End && text[i] != ' ')
        {
            return -1;
        }

        while (i <= line.End && text[i] == ' ')
        {
            i++;
        }

        return i;
    }
}

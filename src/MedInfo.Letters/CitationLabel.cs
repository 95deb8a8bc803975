using System.Globalization;
using System.Text;

namespace MedInfo.Letters;

/// <summary>Prints reference numbers as letters do: "1", "2,3", "4-13", "1,3-5".</summary>
public static class CitationLabel
{
    public static string Format(IEnumerable<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Length;)
        {
            var runEnd = i;
            while (runEnd + 1 < sorted.Length && sorted[runEnd + 1] == sorted[runEnd] + 1)
            {
                runEnd++;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            // Three or more consecutive numbers collapse to a range; two stay a list ("2,3").
            if (runEnd - i >= 2)
            {
                text.Append(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[runEnd]}");
            }
            else
            {
                text.AppendJoin(',', sorted[i..(runEnd + 1)]);
            }

            i = runEnd + 1;
        }

        return text.ToString();
    }
}

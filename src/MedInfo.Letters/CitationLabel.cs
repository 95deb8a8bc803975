using System.Globalization;

namespace MedInfo.Letters;

/// <summary>Prints reference numbers as letters do: "1", "2,3", "4-13", "1,3-5".</summary>
public static class CitationLabel
{
    public static string Format(IEnumerable<int> numbers) =>
        string.Join(',', Segments(numbers).Select(s => s.From == s.To
            ? s.From.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{s.From}-{s.To}")));

    /// <summary>
    /// The parts of a label: three or more consecutive numbers make one range; two stay two numbers ("2,3").
    /// </summary>
    public static IEnumerable<(int From, int To)> Segments(IEnumerable<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToArray();
        for (var i = 0; i < sorted.Length;)
        {
            var end = i;
            while (end + 1 < sorted.Length && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            if (end - i >= 2)
            {
                yield return (sorted[i], sorted[end]);
            }
            else
            {
                for (var k = i; k <= end; k++)
                {
                    yield return (sorted[k], sorted[k]);
                }
            }

            i = end + 1;
        }
    }
}

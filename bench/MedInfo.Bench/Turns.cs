namespace MedInfo.Bench;

/// <summary>
/// Measurements compared with each other run by turns, <see cref="Count"/> times each (the first, the second, ...,
/// then the first again): the machine's speed drifts over minutes, and a side measured alone would carry its
/// moment's drift into the ratio. Each side is then said by its median.
/// </summary>
internal static class Turns
{
    public const int Count = 3;

    /// <summary>Every run of each measurement, in the order given.</summary>
    public static async Task<List<T>[]> RunAsync<T>(params Func<Task<T>>[] measurements)
    {
        var runs = measurements.Select(_ => new List<T>()).ToArray();
        for (var turn = 0; turn < Count; turn++)
        {
            for (var i = 0; i < measurements.Length; i++)
            {
                runs[i].Add(await measurements[i]());
            }
        }

        return runs;
    }
}

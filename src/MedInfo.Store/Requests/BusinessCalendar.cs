namespace MedInfo.Store.Requests;

/// <summary>
/// Deadlines in business days, in the team's time zone: Saturdays, Sundays and the configured holidays do not
/// count. A request that arrives outside business days starts its clock at the next business day's start, so one
/// business day from Saturday noon is the end of Monday (Tuesday 00:00).
/// </summary>
public sealed class BusinessCalendar(TimeZoneInfo zone, IReadOnlyCollection<DateOnly> holidays)
{
    public DateTime AddBusinessDays(DateTime receivedUtc, int days)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc), zone);
        if (!IsBusinessDay(DateOnly.FromDateTime(local)))
        {
            var next = DateOnly.FromDateTime(local).AddDays(1);
            while (!IsBusinessDay(next))
            {
                next = next.AddDays(1);
            }

            local = next.ToDateTime(TimeOnly.MinValue);
        }

        for (var added = 0; added < days;)
        {
            local = local.AddDays(1);
            if (IsBusinessDay(DateOnly.FromDateTime(local)))
            {
                added++;
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
}

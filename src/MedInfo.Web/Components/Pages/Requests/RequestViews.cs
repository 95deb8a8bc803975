using System.Globalization;
using MedInfo.Store.Requests;

namespace MedInfo.Web.Components.Pages.Requests;

/// <summary>How the request pages write a request's values, and read them back from addresses and forms.</summary>
internal static class RequestViews
{
    public static string Slug(RequestStatus status) => status switch
    {
        RequestStatus.InProgress => "in-progress",
        RequestStatus.WaitingForRequester => "waiting",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static RequestStatus? ParseStatus(string? slug) =>
        Enum.GetValues<RequestStatus>().Cast<RequestStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    public static RequestPriority? ParsePriority(string? value) =>
        Enum.TryParse<RequestPriority>(value, ignoreCase: true, out var priority) && Enum.IsDefined(priority) ? priority : null;

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

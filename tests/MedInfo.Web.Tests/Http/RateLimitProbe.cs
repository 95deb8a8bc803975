using System.Net;

namespace MedInfo.Web.Tests.Http;

/// <summary>Repeats a request until the server answers 429 (or the attempts run out) and returns that answer.</summary>
public static class RateLimitProbe
{
    public static async Task<HttpResponseMessage?> FirstRefusedAsync(int attempts, Func<int, Task<HttpResponseMessage>> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var i = 0; i < attempts; i++)
        {
            var response = await request(i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        return null;
    }
}

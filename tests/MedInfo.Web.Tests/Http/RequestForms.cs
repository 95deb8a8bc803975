using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MedInfo.Web.Tests.Http;

/// <summary>The request forms filled in as a requester and as staff would, for the request and delivery tests.</summary>
public static partial class RequestForms
{
    public static KeyValuePair<string, string>[] Question(string question, string safety = "no", string name = "Dr. Imani Example", params KeyValuePair<string, string>[] more) =>
    [
        new("Form.Name", name),
        new("Form.Role", "MD, hematologist"),
        new("Form.Institution", "Example University Hospital"),
        new("Form.Country", "United States"),
        new("Form.Region", "Ohio"),
        new("Form.Email", "imani@example.org"),
        new("Form.PreferredReply", "email"),
        new("product", "DARZALEX®"),
        new("Form.Question", question),
        new("Form.InvolvesSafety", safety),
        new("Form.Consent", "true"),
        .. more,
    ];

    /// <summary>A browser-like client from <paramref name="address"/> (each test its own, so the question budget is its own).</summary>
    public static HttpClient Reader(PortalFactory portal, string address)
    {
        var client = StaffSession.Client(portal);
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    public static Task<HttpResponseMessage> AskAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        StaffSession.PostFormAsync(client, "/ask", "ask", fields);

    /// <summary>Asks, and returns the request number the answer page gives.</summary>
    public static async Task<string> AskForNumberAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var sent = await AskAsync(client, fields);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"asking answered {(int)sent.StatusCode}");
        return NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;
    }

    /// <summary>Staff make the package for <paramref name="number"/> with the seed letter; the request is then Answered.</summary>
    public static async Task AnswerWithSeedAsync(HttpClient staff, string number, string name = "Dr. Imani Example")
    {
        var made = await StaffSession.PostFormAsync(staff, $"/staff/packages/new?request={number}&letter=darzalex-poems-syndrome", "package",
        [
            new("Form.RequestNumber", number), new("Form.DateReceived", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Form.Question", "Is there any data on DARZALEX in POEMS syndrome?"), new("Form.HcpName", name), new("Form.Credentials", "MD, hematologist"),
            new("Form.Institution", "Example University Hospital"), new("Form.Contact", "imani@example.org"), new("letter", "darzalex-poems-syndrome"),
        ]);
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, $"the package answered {(int)made.StatusCode}");
    }

    [GeneratedRegex(@"MIR-\d{4}-\d{6}")]
    public static partial Regex NumberPattern();
}

using System.Net;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Every query-string parameter of every page, given a value it cannot use: the page answers as if the value were
/// absent, or 400/404, never a server error (a bound int once threw "Cannot parse the value" as a 500).
/// </summary>
public sealed class QueryValueTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly string email = $"query-values-{Guid.NewGuid():N}@example.org";
    private static readonly string[] BadValues = ["<script>", "%00", "-1", "99999999999999999999", "1e9", "%E2%80%AE", "'", "[]"];

    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await StaffSession.CreateUserAsync(portal, email);
        staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, email);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Pages() =>
    [
        "/search?q={0}&product={0}&kind={0}",
        "/letters/darzalex-poems-syndrome/compare?from={0}&to={0}",
        "/letters/darzalex-poems-syndrome/compare?from=1&to={0}",
        "/staff/exports?q={0}&from={0}&to={0}&kind={0}",
        "/staff/exports.csv?q={0}&from={0}&to={0}&kind={0}",
        "/staff/exports/1?created={0}",
        "/staff/signin?ReturnUrl={0}",
        "/staff/packages/new?letter={0}",
        "/staff/packages/new?request={0}&letter={0}",
        "/staff/requests?q={0}&status={0}&flag={0}&product={0}&assigned={0}&page={0}",
        "/staff/requests/MIR-2026-000001?find={0}",
        "/ask?for={0}&product={0}",
        "/ask/received/MIR-2026-000001?for={0}",
        "/?q={0}",
        "/letters/darzalex-poems-syndrome?v={0}",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_bad_value_is_never_a_server_error(string template)
    {
        foreach (var value in BadValues)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);
            var response = await staff.GetAsync(path);

            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.Found,
                $"{path} answered {(int)response.StatusCode}: {(response.StatusCode == HttpStatusCode.InternalServerError ? await response.Content.ReadAsStringAsync() : string.Empty)}");
        }
    }

    [Fact]
    public void Pages_read_query_values_as_text_and_parse_them_themselves()
    {
        // Blazor answers a value it cannot convert to a typed parameter with an exception (a 500): pages take text
        // (one value, or every value of a repeated name).
        var typed = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(p => p.IsDefined(typeof(Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute), inherit: false))
            .Where(p => p.PropertyType != typeof(string) && p.PropertyType != typeof(string[]))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(typed);
    }
}

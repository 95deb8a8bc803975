using System.Net;
using System.Text.RegularExpressions;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>Staff accounts and a browser-like client (cookies, antiforgery tokens from the forms) for staff tests.</summary>
public static partial class StaffSession
{
    public const string Password = "a long staff password";

    public static async Task CreateUserAsync(PortalFactory portal, string email, string role = StaffIdentity.StaffRole)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(' ', created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    public static HttpClient Client(PortalFactory portal) =>
        portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Posts a page's form the way a browser does: with the antiforgery token the page rendered. Behind a load
    /// balancer the post may reach another portal than the page came from (<paramref name="postTo"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields, string? action = null, HttpClient? postTo = null)
    {
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        var body = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", token) };
        body.AddRange(fields);
        return await (postTo ?? client).PostAsync(action ?? path, new FormUrlEncodedContent(body));
    }

    /// <summary>The package form filled in as staff would for one HCP request about the seed letter.</summary>
    public static KeyValuePair<string, string>[] PackageRequest(string requestNumber) =>
    [
        new("Form.RequestNumber", requestNumber),
        new("Form.DateReceived", "2026-11-20"),
        new("Form.Question", "What data exist in POEMS syndrome?"),
        new("Form.HcpName", "Dr. Rowan Example"),
        new("Form.Credentials", "MD"),
        new("Form.Institution", "Example Clinic"),
        new("Form.Contact", "rowan@example.org"),
        new("letter", "darzalex-poems-syndrome"),
    ];

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        await PostFormAsync(client, "/staff/signin", "signin", [new("Input.Email", email), new("Input.Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

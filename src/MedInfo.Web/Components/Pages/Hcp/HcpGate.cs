using MedInfo.Letters;

namespace MedInfo.Web.Components.Pages.Hcp;

/// <summary>
/// Who is reading: a browser that answered the HCP notice "I am a healthcare professional" (a cookie), or signed-in
/// Medical Information staff, reads as a healthcare professional; everyone else as the public. What each may read
/// is the store's rule (LetterCatalog, LetterSearch); this only says who asks.
/// </summary>
public static class HcpGate
{
    public const string CookieName = "medinfo-hcp";

    public static Readership ReaderOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context.Request.Cookies.TryGetValue(CookieName, out var value) && value == Yes)
            || context.User.Identity?.IsAuthenticated == true
            ? Readership.HealthcareProfessional
            : Readership.Public;
    }

    /// <summary>Whether this browser answered the notice at all (either way), so it is not asked on every page.</summary>
    public static bool HasAnswered(HttpContext context) =>
        context.Request.Cookies.ContainsKey(CookieName) || context.User.Identity?.IsAuthenticated == true;

    /// <summary>Remembers the answer for a year. Not personal data: only what this browser said it is.</summary>
    public static void Remember(HttpContext context, bool isHealthcareProfessional) =>
        context.Response.Cookies.Append(CookieName, isHealthcareProfessional ? Yes : No, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });

    private const string Yes = "yes";
    private const string No = "no";
}

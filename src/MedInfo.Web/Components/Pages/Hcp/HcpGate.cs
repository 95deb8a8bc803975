namespace MedInfo.Web.Components.Pages.Hcp;

/// <summary>
/// Who may read HCP letters: a browser that answered the HCP notice "I am a healthcare professional" (a cookie),
/// or signed-in Medical Information staff. The one rule for every page, PDF and cache decision that depends on it.
/// </summary>
public static class HcpGate
{
    public const string CookieName = "medinfo-hcp";

    public static bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context.Request.Cookies.TryGetValue(CookieName, out var value) && value == "yes")
            || context.User.Identity?.IsAuthenticated == true
            || context.GetEndpoint()?.Metadata.GetMetadata<OpenToEveryoneAttribute>() is not null;
    }
}

/// <summary>A page every visitor may see without the HCP notice: it holds no HCP letter (the question form is for patients too).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OpenToEveryoneAttribute : Attribute;

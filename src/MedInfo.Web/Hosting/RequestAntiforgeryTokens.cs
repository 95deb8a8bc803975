using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Forms;

namespace MedInfo.Web.Hosting;

/// <summary>
/// The antiforgery token a form rendered on the server carries (<c>&lt;AntiforgeryToken /&gt;</c>), made from the
/// request when such a form asks for it. The framework's own provider also writes the token into every page,
/// encrypted, for interactive components that might post a form: a token and an encryption on every page a reader
/// opens, for nothing, since the portal's only interactive part (the search box) posts none. The middleware checks
/// every form posted, as before.
/// </summary>
internal sealed class RequestAntiforgeryTokens(IHttpContextAccessor requests, IAntiforgery antiforgery) : AntiforgeryStateProvider
{
    private AntiforgeryRequestToken? token;

    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        if (token is not null || requests.HttpContext is not { } request)
        {
            return token;
        }

        // Before the response starts the cookie can still be set; after, only a token already made can be read.
        var tokens = request.Response.HasStarted ? antiforgery.GetTokens(request) : antiforgery.GetAndStoreTokens(request);
        return token = tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}

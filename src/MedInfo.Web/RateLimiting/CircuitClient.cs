using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MedInfo.Web.RateLimiting;

/// <summary>
/// The address of the client behind an interactive circuit, for per-client limits on what a circuit does (the
/// HTTP rate limiter sees requests, not the events a circuit sends). Scoped: one per circuit.
/// </summary>
public sealed class CircuitClient
{
    public string Address { get; internal set; } = "unknown";

    /// <summary>Who reads through this circuit, from the cookies of the connection that opened it.</summary>
    public MedInfo.Letters.Readership Reader { get; internal set; } = MedInfo.Letters.Readership.Public;
}

/// <summary>Fills <see cref="CircuitClient"/> from the connection that opened the circuit.</summary>
internal sealed class CircuitClientHandler(CircuitClient client, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (http.HttpContext is not { } context)
        {
            return Task.CompletedTask;
        }

        if (context.Connection.RemoteIpAddress is { } address)
        {
            client.Address = address.ToString();
        }

        client.Reader = Components.Pages.Hcp.HcpGate.ReaderOf(context);

        return Task.CompletedTask;
    }
}

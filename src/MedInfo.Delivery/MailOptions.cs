using System.ComponentModel.DataAnnotations;

namespace MedInfo.Delivery;

/// <summary>How responses are sent by email (section "MedInfo:Mail"). Without a host, nothing is sent: staff copy a secure link.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "MedInfo:Mail";

    /// <summary>The SMTP server; empty means email is not set up.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>"StartTls" (the default: TLS required after connecting), "Tls" (TLS from the start, port 465), "None" (a local relay only).</summary>
    [AllowedValues("StartTls", "Tls", "None")]
    public string Security { get; set; } = "StartTls";

    /// <summary>Sign-in for the server, when it asks for one. Never logged or shown.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [EmailAddress]
    public string FromAddress { get; set; } = "medinfo@localhost";

    public string FromName { get; set; } = "Medical Information";

    /// <summary>How long a send may take, connecting included, before it counts as failed.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>"Attach": the PDF goes with the message; "Link": the message holds a secure link to it.</summary>
    [AllowedValues("Attach", "Link")]
    public string Package { get; set; } = "Attach";

    /// <summary>The portal's public address, for links in messages (https://medinfo.example.org).</summary>
    public string? PublicUrl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public bool SendsLinks => Package == "Link";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Configured && SendsLinks && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            yield return new ValidationResult(
                $"{Section}:PublicUrl must be the portal's public address (https://…) when {Section}:Package is Link: the links in messages start with it.",
                [nameof(PublicUrl)]);
        }
    }
}

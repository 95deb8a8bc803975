using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MedInfo.Letters;
using MedInfo.Pdf;
using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Store.Delivery;
using MedInfo.Store.Requests;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedInfo.Delivery;

/// <summary>The send did not reach the mail server (down, slow, refusing); the request says so and the send can be tried again.</summary>
public sealed class DeliveryFailedException(string message, Exception? inner = null) : MedInfoException(message, ProblemKind.Unavailable, inner);

/// <summary>
/// Sends a request's response package to the requester by email: the recorded PDF exactly as the audit trail keeps
/// it, attached or behind a new secure link, through the configured SMTP server within a bounded time. Each send,
/// and each failure with the server's reply, is a step on the request.
/// </summary>
public sealed class ResponseDelivery(RequestDesk desk, AuditTrail audit, SecureLinks links, PdfExports exports, IOptions<MailOptions> options)
{
    private readonly MailOptions settings = options.Value;

    /// <summary>Whether email is set up; without it staff give the requester a secure link themselves.</summary>
    public bool CanSend => settings.Configured;

    public async Task DeliverAsync(string number, long exportRecordId, string user, CancellationToken cancellationToken = default)
    {
        if (!settings.Configured)
        {
            throw new RequestActionException("Email is not set up for this portal (MedInfo:Mail:Host). Make a secure link and give it to the requester.");
        }

        var request = await desk.GetAsync(number, user, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestNotFoundException(number);
        if (request.Person is not { } person)
        {
            throw new RequestActionException($"The personal data of request {number} was erased under the retention rule; there is no one to send it to.");
        }

        var to = ResponseMessage.Recipient(person.Name, person.Email)
            ?? throw new RequestActionException($"Request {number} has no email address a mail server would take; answer by {(person.Phone is null ? "another way" : "phone")}.");
        var sent = await audit.GetPdfAsync(exportRecordId, cancellationToken).ConfigureAwait(false);
        if (sent is null || sent.Record.RequestNumber != number || sent.Record.Kind != NewExport.PackageKind)
        {
            throw new RequestActionException($"Export record {exportRecordId} is not a response package for request {number}.");
        }

        string? link = null;
        if (settings.SendsLinks)
        {
            var made = await links.CreateAsync(number, exportRecordId, user, cancellationToken).ConfigureAwait(false);
            link = $"{(settings.PublicUrl ?? string.Empty).TrimEnd('/')}/responses/{made.Token}";
        }

        var hcpRequest = new HcpRequest(number, person.Name, person.Role, person.Institution ?? string.Empty, person.Email ?? string.Empty, person.Question,
            DateOnly.FromDateTime(request.ReceivedUtc));
        var cover = await exports.CoverLetterHtmlAsync(hcpRequest, cancellationToken).ConfigureAwait(false);
        using var message = ResponseMessage.Build(settings, hcpRequest, to, cover, link is null ? sent.Content : null, link);
        var how = link is null
            ? $"with the PDF attached ({(sent.Content.Length / 1024).ToString(CultureInfo.InvariantCulture)} KB)"
            : "with a secure link";
        var record = exportRecordId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var reply = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            await desk.RecordDeliveryStepAsync(number, user, RequestEvents.Delivered,
                $"sent by email {how}, export record {record}; the server answered: {Short(reply)}", DeliveryState.Sent, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryFailedException failure)
        {
            await desk.RecordDeliveryStepAsync(number, user, RequestEvents.DeliveryFailed,
                $"not sent, export record {record}: {failure.Message}", DeliveryState.Failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects, signs in when configured, sends and quits, all within the configured time; the server's last reply.</summary>
    private async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var server = $"{settings.Host}:{settings.Port.ToString(CultureInfo.InvariantCulture)}";
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Security switch
            {
                "Tls" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, deadline.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, deadline.Token).ConfigureAwait(false);
            }

            var reply = await client.SendAsync(message, deadline.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, deadline.Token).ConfigureAwait(false);
            return reply;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || IsTimeout(e)))
        {
            // The deadline and the client's own read timeout are the same length; whichever fires first, it is a time-out.
            throw new DeliveryFailedException($"the mail server {server} did not finish within {settings.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }
        catch (SmtpCommandException e)
        {
            throw new DeliveryFailedException($"the mail server {server} refused it: {(int)e.StatusCode} {Short(e.Message)}", e);
        }
        catch (AuthenticationException e)
        {
            // The server's words only: never the user name or password.
            throw new DeliveryFailedException($"the mail server {server} did not accept the portal's sign-in: {Short(e.Message)}", e);
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            throw new DeliveryFailedException($"the mail server {server} could not be reached: {Short(e.Message)}", e);
        }
    }

    private static bool IsTimeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.TimedOut })
            {
                return true;
            }
        }

        return false;
    }

    private static string Short(string? text)
    {
        var line = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}

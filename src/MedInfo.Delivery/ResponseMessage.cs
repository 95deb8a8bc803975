using System.Text;
using MedInfo.Letters;
using MimeKit;

namespace MedInfo.Delivery;

/// <summary>
/// The email that carries a response: the filled-in cover letter as its body (HTML, with a plain-text copy), and
/// the package attached or a secure link to it. The subject is ours, with the request number only; the
/// requester's name goes into the To header as MimeKit encodes it, after line breaks and other control characters
/// are taken out, so nothing a requester typed can add a header or a recipient.
/// </summary>
internal static class ResponseMessage
{
    public static MimeMessage Build(MailOptions options, HcpRequest request, MailboxAddress to, string coverLetterHtml, byte[]? pdf, string? link)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(to);
        message.Subject = $"Your medical information request {request.RequestNumber}";
        message.Headers.Add("X-MedInfo-Request", request.RequestNumber);

        var encodedLink = System.Net.WebUtility.HtmlEncode(link);
        var body = new BodyBuilder
        {
            HtmlBody = $"""
                <!DOCTYPE html><html lang="en"><body>
                {coverLetterHtml}
                <p>{(link is null ? "The response is attached to this message as a PDF." : $"The response is a PDF you can download, until the link expires, from <a href=\"{encodedLink}\">{encodedLink}</a>.")}</p>
                </body></html>
                """,
            TextBody = PlainText(coverLetterHtml) + "\n\n"
                + (link is null ? "The response is attached to this message as a PDF." : $"The response is a PDF you can download, until the link expires, from: {link}") + "\n",
        };
        if (pdf is not null)
        {
            body.Attachments.Add($"response-{Slug.Make(request.RequestNumber)}.pdf", pdf, new ContentType("application", "pdf"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>One mailbox the way a mail server will read it, or null: exactly one address, no display name, no line breaks.</summary>
    public static MailboxAddress? Recipient(string? name, string? email)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.Any(char.IsControl)
            || !MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address || !string.IsNullOrEmpty(parsed.Name))
        {
            return null;
        }

        return new MailboxAddress(Printable(name), parsed.Address);
    }

    private static string Printable(string? text) =>
        new string((text ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();

    /// <summary>The cover letter's text for mail readers that show no HTML: tags dropped, paragraphs kept.</summary>
    private static string PlainText(string html)
    {
        var text = new StringBuilder();
        var inTag = false;
        foreach (var c in html.Replace("</p>", "\n\n", StringComparison.Ordinal).Replace("<br />", "\n", StringComparison.Ordinal))
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return System.Net.WebUtility.HtmlDecode(text.ToString()).Trim();
    }
}

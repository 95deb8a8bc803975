using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MedInfo.Letters;
using MedInfo.Rendering;
using MedInfo.Rendering.Print;
using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Store.Reading;
using MedInfo.Store.Usage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedInfo.Pdf;

/// <summary>A PDF handed to someone, with the audit record written for it.</summary>
public sealed record PdfExport(ExportRecordView Record, byte[] Content, string FileName);

/// <summary>A letter PDF handed to an anonymous reader: counted, not recorded on the audit trail.</summary>
public sealed record ReaderDownload(byte[] Content, string FileName);

/// <summary>A package cannot be made as asked (an unknown letter, no letters, a broken template).</summary>
public sealed class PackageRequestException(string message) : MedInfoException(message, ProblemKind.Invalid);

/// <summary>
/// Every PDF leaves through here: a letter (from the portal or the command line) or a staff response package.
/// Each export writes exactly one audit record. A letter version's PDF is printed once and then served from
/// the cache (data/pdf-cache), so the same version always gives the same bytes.
/// </summary>
public sealed class PdfExports(LetterCatalog catalog, PrintRenderer renderer, ChromiumPdfEngine engine, AuditTrail audit, ReaderDownloads downloads, IOptions<PdfOptions> options, TimeProvider time)
    : IDisposable
{
    private readonly PdfOptions settings = options.Value;

    // A version's print HTML depends on the version and, through the past-review notice, on the UTC day alone: the
    // cache file it keys is remembered for that day, so a cached PDF is served without rendering the letter again.
    private readonly MemoryCache printed = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => printed.Dispose();

    /// <summary>
    /// The PDF of one letter version. The print HTML is rendered first and the cache is keyed by what Chromium would
    /// print (the HTML with its inline styles, and the page frame): whatever changes the printed letter (a new
    /// version, a stylesheet, the past-review notice on its day) gives a new key, and nothing else does.
    /// </summary>
    public async Task<byte[]> LetterPdfAsync(LetterVersionView version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var today = (version.LetterId, version.Number, version.ContentHash, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (printed.TryGetValue(today, out string? known) && known is not null && File.Exists(known))
        {
            return await File.ReadAllBytesAsync(known, cancellationToken).ConfigureAwait(false);
        }

        var html = await renderer.RenderLetterAsync(version.Letter, await FigureDataAsync([version], cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var frame = LetterFrame(version);
        var path = CachePath(version.LetterId, html, frame);
        if (path is not null)
        {
            printed.Set(today, path, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) });
        }

        if (path is not null && File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var metadata = DocumentMetadata.For(version.Letter);
        var info = new DocumentInfo(metadata.Title, DocumentMetadata.Author, metadata.Subject, metadata.Keywords);
        var pdf = await engine.PrintAsync(html, frame, info, cancellationToken).ConfigureAwait(false);
        if (path is not null)
        {
            // Written aside and moved in, so a reader never sees half a file.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, pdf, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }

        return pdf;
    }

    /// <summary>
    /// Exports a published letter (its current version, or the numbered one) for a staff member or the command line,
    /// recorded on the audit trail; null when there is no such version.
    /// </summary>
    public async Task<PdfExport?> ExportLetterAsync(string letterId, int? versionNumber, string? userName, string source, CancellationToken cancellationToken = default)
    {
        var version = await PublishedVersionAsync(Readership.HealthcareProfessional, letterId, versionNumber, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return null;
        }

        var pdf = await LetterPdfAsync(version, cancellationToken).ConfigureAwait(false);
        var record = await audit.RecordAsync(
            new NewExport(NewExport.LetterKind, userName, source, [new ExportedLetter(version.LetterId, version.Number, version.ContentHash)]),
            pdf, cancellationToken).ConfigureAwait(false);
        return new PdfExport(record, pdf, FileName(version));
    }

    /// <summary>
    /// A reader's "Download PDF": the same bytes, counted per letter version per day and not put on the audit trail,
    /// which holds what staff sent (an anonymous client could otherwise fill the regulated record). Null when there
    /// is no such published version written for this reader.
    /// </summary>
    public async Task<ReaderDownload?> DownloadForReaderAsync(Readership reader, string letterId, int? versionNumber, CancellationToken cancellationToken = default)
    {
        var version = await PublishedVersionAsync(reader, letterId, versionNumber, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return null;
        }

        var pdf = await LetterPdfAsync(version, cancellationToken).ConfigureAwait(false);
        await downloads.CountAsync(version.LetterId, version.Number, cancellationToken).ConfigureAwait(false);
        return new ReaderDownload(pdf, FileName(version));
    }

    private async Task<LetterVersionView?> PublishedVersionAsync(Readership reader, string letterId, int? versionNumber, CancellationToken cancellationToken) =>
        versionNumber is { } number
            ? await catalog.GetVersionAsync(reader, letterId, number, cancellationToken).ConfigureAwait(false)
            : await catalog.GetCurrentAsync(reader, letterId, cancellationToken).ConfigureAwait(false);

    /// <summary>The versions' figure images as data: URIs, to be printed without any network.</summary>
    private async Task<IReadOnlyDictionary<string, string>> FigureDataAsync(IReadOnlyList<LetterVersionView> versions, CancellationToken cancellationToken) =>
        (await catalog.GetFigureImagesAsync(versions, cancellationToken).ConfigureAwait(false))
            .ToDictionary(kv => kv.Key, kv => FigureSources.DataUri(kv.Value.Bytes, kv.Value.MediaType), StringComparer.Ordinal);

    private static string FileName(LetterVersionView version) => $"{version.LetterId}-v{version.Number}.pdf";

    /// <summary>
    /// A response package: cover letter from the template, a custom reply when staff wrote one, the letters' current
    /// versions, one PDF. A package answering a request on the desk (<paramref name="fromDesk"/>) keeps only the
    /// request's number on its export record: the requester's details stay with the request, where they are erased
    /// after the retention period.
    /// </summary>
    public async Task<PdfExport> ExportPackageAsync(
        HcpRequest request, IReadOnlyList<string> letterIds, string userName, string? reply = null, bool fromDesk = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(letterIds);
        if (letterIds.Count == 0 && string.IsNullOrWhiteSpace(reply))
        {
            throw new PackageRequestException("Choose at least one letter for the package, or write a custom reply.");
        }

        var versions = new List<LetterVersionView>();
        foreach (var id in letterIds.Distinct(StringComparer.Ordinal))
        {
            versions.Add(await catalog.GetCurrentAsync(Readership.HealthcareProfessional, id, cancellationToken).ConfigureAwait(false)
                ?? throw new PackageRequestException($"There is no published letter '{id}'."));
        }

        var template = await CoverLetterAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var html = await renderer.RenderPackageAsync(request, template.Render(request, today), versions.Select(v => v.Letter).ToList(), reply,
            await FigureDataAsync(versions, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var frame = new PageFrame(
            $"Medical Information response to request {request.RequestNumber}",
            $"Request {request.RequestNumber} · {today.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)} · prepared for {request.HcpName}, {request.Credentials}",
            "Medical Information response. Not for promotional use.");
        var info = new DocumentInfo(
            $"Response to medical information request {request.RequestNumber}", userName,
            $"Response to {request.HcpName}, {request.Credentials}: {(string.IsNullOrWhiteSpace(reply) ? string.Empty : "a custom reply and ")}{versions.Count} enclosed letter(s)", [request.RequestNumber]);
        var pdf = await engine.PrintAsync(html, frame, info, cancellationToken).ConfigureAwait(false);
        var record = await audit.RecordAsync(
            new NewExport(NewExport.PackageKind, userName, "web", versions.Select(v => new ExportedLetter(v.LetterId, v.Number, v.ContentHash)).ToList(), request, KeepRequest: !fromDesk),
            pdf, cancellationToken).ConfigureAwait(false);
        return new PdfExport(record, pdf, $"response-{Slug.Make(request.RequestNumber)}.pdf");
    }

    /// <summary>The cover letter filled in for <paramref name="request"/> today, as HTML: the body of the email that delivers a package.</summary>
    public async Task<string> CoverLetterHtmlAsync(HcpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = await CoverLetterAsync(cancellationToken).ConfigureAwait(false);
        return template.Render(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private async Task<CoverLetterTemplate> CoverLetterAsync(CancellationToken cancellationToken)
    {
        var path = settings.CoverLetterTemplatePath;
        if (!File.Exists(path))
        {
            throw new PackageRequestException($"The cover letter template is missing: {path}. Restore content/{CoverLetterTemplate.RelativePath}.");
        }

        try
        {
            return CoverLetterTemplate.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        }
        catch (FormatException e)
        {
            throw new PackageRequestException(e.Message);
        }
    }

    private static PageFrame LetterFrame(LetterVersionView version)
    {
        var metadata = version.Letter.Metadata;
        return new PageFrame(
            string.Join("  ·  ", metadata.Products.Select(p => $"{p.Brand} ({p.Generic})")),
            metadata.Audience.Kind == AudienceKind.Patient
                ? $"Written for patients and caregivers ({metadata.Audience.Region}). It does not replace the advice of your doctor, pharmacist or nurse."
                : $"For {metadata.Audience.Region} healthcare professionals only. Not for promotional use.",
            $"Version {version.Number} · Last updated {LetterPlainText.FormatDate(metadata.LastUpdated, metadata.Audience.Region)} · {version.LetterId}");
    }

    private string? CachePath(string letterId, string html, PageFrame frame)
    {
        if (string.IsNullOrEmpty(settings.CacheDirectory))
        {
            return null;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{html}\n{frame.HeaderTemplate}\n{frame.FooterTemplate}")))[..32];
        return Path.Combine(settings.CacheDirectory, $"{Slug.Make(letterId)}-{key}.pdf");
    }
}

using MedInfo.Rendering;
using MedInfo.Rendering.Print;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Pdf;

/// <summary>Wires the PDF engine, the print renderer and the exports into a service collection.</summary>
public static class PdfSetup
{
    public static IServiceCollection AddMedInfoPdf(this IServiceCollection services, Action<PdfOptions> configure)
    {
        services.AddOptions<PdfOptions>().Configure(configure);
        services.AddSingleton<ChromiumPdfEngine>();
        services.AddSingleton<ComponentHtml>();
        services.AddSingleton<PrintRenderer>();
        services.AddSingleton<PdfExports>();
        return services;
    }
}

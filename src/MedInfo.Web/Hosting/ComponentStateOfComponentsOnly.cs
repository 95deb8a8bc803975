using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedInfo.Web.Hosting;

/// <summary>
/// A page carries the state its own components persist, and nothing of the framework's services. Blazor's default
/// persistence manager also keeps a registry of services whose state follows a page into its interactive parts (the
/// resource collection, the antiforgery token): on every page, in an app with an interactive render mode, it writes
/// that list, encrypted, at the end of the page, after resolving those services for the request. The portal's only
/// interactive part, the search box, needs neither (it posts no form and links no assets). Built without the
/// registry, the manager persists only what components register, which on a reader's page is nothing: no state, no
/// encryption, and a page renders to the same bytes each time. A letter page outside the page cache went from
/// 5,900-6,700 to 7,600-8,700 requests/s (docs/benchmarks.md).
/// </summary>
internal static class ComponentStateOfComponentsOnly
{
    public static IServiceCollection AddComponentStateOfComponentsOnly(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped(provider => new ComponentStatePersistenceManager(
            provider.GetRequiredService<ILogger<ComponentStatePersistenceManager>>())));
        return services;
    }
}

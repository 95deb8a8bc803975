using MedInfo.Store;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Import;

/// <summary>Wires the importer beside the store (<see cref="StoreSetup.AddMedInfoStore(IServiceCollection, StoreConnection, string)"/> first).</summary>
public static class ImportSetup
{
    public static IServiceCollection AddMedInfoImport(this IServiceCollection services) =>
        services.AddSingleton<LetterImporter>();
}

using System.CommandLine;
using System.Globalization;
using MedInfo.Store.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo list</c>: the letters in the store with their current version.</summary>
internal static class ListCommand
{
    public static Command Create(Option<string?> dataOption, TextWriter output)
    {
        var retired = new Option<bool>("--retired") { Description = "Also list letters whose file was removed from content/." };
        var command = new Command("list", "List the letters in the store: id, version, status, last updated, title.") { retired };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            var letters = await services.GetRequiredService<LetterCatalog>().ListForEditorsAsync(parse.GetValue(retired), cancellationToken).ConfigureAwait(false);
            foreach (var letter in letters)
            {
                // The version's own status (draft, published, retired), and "removed" when its file left content/.
                var status = letter.IsRetired ? "removed" : letter.Status.ToString().ToLowerInvariant();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{letter.Id}\tv{letter.Version}\t{status}\t{letter.LastUpdated:yyyy-MM-dd}\t{letter.Title}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{letters.Count} letters."));
            return 0;
        });
        return command;
    }
}

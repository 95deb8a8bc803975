using MedInfo.Letters;
using MedInfo.Store.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Realistic searches over the seed and the synthetic test letters, each with the letter it should find first:
/// plurals and other word forms, misspellings, brand and generic names, abbreviations and synonyms, quoted
/// phrases, questions as typed. The
/// score is printed; every query must find its letter first.
/// </summary>
public sealed class SearchRelevanceTests(TestLettersPortalFactory portal, ITestOutputHelper output) : IClassFixture<TestLettersPortalFactory>
{
    private const string Poems = "darzalex-poems-syndrome";
    private const string MissedDose = "zentravir-missed-dose-patients";
    private const string Infections = "zentravir-infection-risk";

    public static readonly IReadOnlyList<(string Query, string Expected)> Queries =
    [
        ("POEMS", Poems), ("poems syndrome", Poems), ("POEMS syndrome daratumumab", Poems), ("daratumumab POEMS", Poems),
        ("darzalex poems", Poems), ("daratumamab poems", Poems), ("daratumab POEMS", Poems), ("darzelex", Poems),
        ("Darzalex Faspro POEMS", Poems), ("hyaluronidase", Poems), ("daratumumab and hyaluronidase-fihj", Poems),
        ("polyneuropathy", Poems), ("neuropathies", Poems), ("relapsed POEMS", Poems), ("relapses", Poems),
        ("refractory POEMS syndrome", Poems), ("VEGF", Poems), ("VEGF levels", Poems), ("vascular endothelial growth factor", Poems),
        ("organomegaly", Poems), ("endocrinopathies", Poems), ("monoclonal gammopathy", Poems), ("skin changes", Poems),
        ("Castleman disease", Poems), ("lenalidomide dexamethasone", Poems), ("autologous stem cell transplant", Poems),
        ("hematologic response", Poems), ("hematological responses", Poems), ("papilledema", Poems), ("plasma cell disorder", Poems),
        ("can daratumumab be used in POEMS syndrome", Poems), ("what is the evidence for darzalex in POEMS", Poems),
        ("missed dose", MissedDose), ("missed doses", MissedDose), ("miss a dose", MissedDose), ("forgotten injection", MissedDose),
        ("what if I miss a dose of zentravir", MissedDose), ("two doses same day", MissedDose), ("examplumab missed dose", MissedDose),
        ("mised dose", MissedDose), ("zentravir missed dose", MissedDose),
        ("serious infections", Infections), ("serious infection", Infections), ("infection risk", Infections), ("boxed warning zentravir", Infections),
        ("respiratory infections", Infections), ("urinary tract infection", Infections), ("Marsh registry", Infections),
        ("examplumab infections", Infections), ("hospitalization infections", Infections), ("new serious infections 12 months", Infections),
        ("infecions zentravir", Infections),
        ("\"skin changes\"", Poems), ("\"missed dose\"", MissedDose), ("\"serious infections\" zentravir", Infections),
        ("ECOG", Poems), ("Eastern Cooperative Oncology Group", Poems), ("haematologic response", Poems),
        ("haematological responses daratumumab", Poems), ("daratumumab hyaluronidase", Poems), ("infusion reactions", Poems),
    ];

    [Fact]
    public async Task Each_realistic_search_finds_its_letter_first()
    {
        await portal.CreateHcpClient().GetStringAsync("/"); // started, content imported
        var search = portal.Services.GetRequiredService<LetterSearch>();
        var misses = new List<string>();
        foreach (var (query, expected) in Queries)
        {
            var answer = await search.AnswerAsync(Readership.HealthcareProfessional, query);
            var first = answer.Hits.Count > 0 ? answer.Hits[0].LetterId : null;
            if (first != expected)
            {
                misses.Add($"'{query}': expected {expected}, got {first ?? "nothing"}{(answer.Correction is { } c ? $" (corrected to '{c}')" : string.Empty)}");
            }
        }

        output.WriteLine($"Search relevance: {Queries.Count - misses.Count} of {Queries.Count} queries find their letter first.");
        misses.ForEach(output.WriteLine);
        Assert.True(misses.Count == 0, $"{misses.Count} of {Queries.Count} queries missed:\n" + string.Join('\n', misses));
    }
}

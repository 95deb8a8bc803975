namespace MedInfo.Content.Tests;

/// <summary>Small synthetic letters with invented products, for store tests.</summary>
public static class SyntheticLetters
{
    public static string Letter(string id, string brand = "ZENTRAVIR®", string generic = "examplumab", string sentence = "Examplumab was studied in an invented trial.", string status = "published", string audience = "hcp") => $"""
        ---
        id: {id}
        title: Use of {brand.TrimEnd('®')} in {id}
        kind: Medical Information
        audience:
          type: {audience}
          region: US
          notice: Synthetic test letter.
        products:
          - brand: {brand}
            generic: {generic}
        status: {status}
        last-updated: 2025-05-08
        ---

        ## Summary

        - {sentence}[@synth2020]

        ## References

        [@synth2020]: Synth A. Invented study. J Synth. 2020;1:1.
        """;
}

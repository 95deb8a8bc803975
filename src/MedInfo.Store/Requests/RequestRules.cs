namespace MedInfo.Store.Requests;

/// <summary>What an answer to a request must be, checked by the package form before it prints and by the desk when the package is recorded.</summary>
public static class RequestRules
{
    /// <summary>Why a package with <paramref name="letters"/> letters cannot answer the request; null when it can.</summary>
    public static string? CannotAnswer(bool offLabel, int letters) =>
        offLabel && letters == 0
            ? "This request is marked off-label: it is answered with medical information letters only. Choose at least one letter (a custom reply may go with them)."
            : null;
}

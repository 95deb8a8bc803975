namespace MedInfo.Letters;

/// <summary>
/// An HCP's unsolicited request, as Medical Information staff record it for a response package: who asked,
/// what they asked, and when it arrived. The cover letter is filled in from it and the audit trail keeps it.
/// </summary>
public sealed record HcpRequest(
    string RequestNumber,
    string HcpName,
    string Credentials,
    string Institution,
    string Contact,
    string Question,
    DateOnly DateReceived);

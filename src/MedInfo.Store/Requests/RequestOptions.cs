using System.ComponentModel.DataAnnotations;

namespace MedInfo.Store.Requests;

/// <summary>
/// The rules of the request desk that a Medical Information team sets for itself (section "MedInfo:Requests"):
/// the safety screening lists, the deadlines and the retention of personal data.
/// </summary>
public sealed class RequestOptions : IValidatableObject
{
    public const string Section = "MedInfo:Requests";

    /// <summary>
    /// Words and phrases that flag a question as a possible adverse event, matched as whole words in any case. A
    /// flag is a prompt for a person to look, so the list errs on the side of flagging.
    /// </summary>
    public List<string> AdverseEventTerms { get; set; } =
    [
        "side effect", "side effects", "side-effect", "adverse event", "adverse reaction", "reaction", "reactions",
        "hospitalized", "hospitalised", "hospital", "died", "death", "fatal", "rash", "overdose", "pregnant",
        "pregnancy", "breastfeeding", "allergic", "anaphylaxis", "medication error", "wrong dose",
    ];

    /// <summary>Words and phrases that flag a question as a possible product complaint.</summary>
    public List<string> ProductComplaintTerms { get; set; } =
    [
        "defect", "defective", "broken", "damaged", "leaking", "leak", "contaminated", "particles", "discolored",
        "discoloured", "counterfeit", "wrong label", "mislabeled", "mislabelled", "complaint",
    ];

    /// <summary>Business days from receipt until a safety flag must reach pharmacovigilance.</summary>
    public int PharmacovigilanceBusinessDays { get; set; } = 1;

    /// <summary>Business days from receipt until the answer is due, per priority.</summary>
    public Dictionary<RequestPriority, int> ServiceLevelBusinessDays { get; set; } = new()
    {
        [RequestPriority.Urgent] = 1,
        [RequestPriority.High] = 3,
        [RequestPriority.Normal] = 5,
    };

    /// <summary>The team's time zone (IANA id), in which business days start and end.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Days that are not business days besides Saturdays and Sundays.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Days after a request is closed until its personal data is erased.</summary>
    public int KeepPersonalDataDays { get; set; } = 730;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeepPersonalDataDays < 0)
        {
            yield return new ValidationResult($"{Section}:KeepPersonalDataDays must be 0 or more days.", [nameof(KeepPersonalDataDays)]);
        }

        if (PharmacovigilanceBusinessDays < 0 || ServiceLevelBusinessDays.Values.Any(d => d < 0))
        {
            yield return new ValidationResult($"{Section}: business days must be 0 or more.", [nameof(ServiceLevelBusinessDays)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"{Section}:TimeZone must be a time zone id such as Europe/Berlin or America/New_York.", [nameof(TimeZone)]);
        }
    }

    internal TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    internal int ServiceLevel(RequestPriority priority) =>
        ServiceLevelBusinessDays.TryGetValue(priority, out var days) ? days : ServiceLevelBusinessDays.Values.DefaultIfEmpty(5).Max();
}

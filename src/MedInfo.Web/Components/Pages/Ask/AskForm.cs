using System.ComponentModel.DataAnnotations;
using MedInfo.Store.Requests;
using MedInfo.Web.Components.UI;

namespace MedInfo.Web.Components.Pages.Ask;

/// <summary>
/// The "Ask a question" form as a requester fills it in. Every cap is the store's (<see cref="RequestLimits"/>);
/// the checks that span fields (a way to reply, details when a side effect is mentioned) are in <see cref="Validate"/>.
/// </summary>
public sealed class AskForm : IValidatableObject
{
    public const string Yes = "yes";
    public const string No = "no";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(RequestLimits.Name, ErrorMessage = "Your name is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "Your name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Say what you are: your profession and credentials, or your relationship to the patient.")]
    [StringLength(RequestLimits.Role, ErrorMessage = "This answer is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "Your profession or relationship")]
    public string Role { get; set; } = string.Empty;

    [StringLength(RequestLimits.Institution, ErrorMessage = "The institution is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The institution")]
    public string? Institution { get; set; }

    [Required(ErrorMessage = "Enter your country.")]
    [StringLength(RequestLimits.Country, ErrorMessage = "The country is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The country")]
    public string Country { get; set; } = string.Empty;

    [StringLength(RequestLimits.Region, ErrorMessage = "The state or region is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The state or region")]
    public string? Region { get; set; }

    [StringLength(RequestLimits.Email, ErrorMessage = "An email address is limited to {1} characters.")]
    [MailAddress]
    [Display(Name = "The email address")]
    public string? Email { get; set; }

    [StringLength(RequestLimits.Phone, ErrorMessage = "A phone number is limited to {1} characters.")]
    [RegularExpression(@"^\+?[0-9 ().\-]{6,}$", ErrorMessage = "Enter a phone number with digits, spaces and + ( ) - . only, like +1 555 010 0000.")]
    [Display(Name = "The phone number")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Choose how you would like the answer: by email or by phone.")]
    [AllowedValues("email", "phone", ErrorMessage = "Choose how you would like the answer: by email or by phone.")]
    public string? PreferredReply { get; set; }

    [StringLength(RequestLimits.OtherProduct, ErrorMessage = "The other product is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The other product")]
    public string? OtherProduct { get; set; }

    [Required(ErrorMessage = "Enter your question.")]
    [StringLength(RequestLimits.Question, ErrorMessage = "The question is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The question")]
    public string Question { get; set; } = string.Empty;

    [Required(ErrorMessage = "Answer whether your question involves a side effect, an adverse event, or a problem with a product.")]
    [AllowedValues(Yes, No, ErrorMessage = "Answer yes or no: does your question involve a side effect, an adverse event, or a problem with a product?")]
    public string? InvolvesSafety { get; set; }

    [StringLength(RequestLimits.EventDetails, ErrorMessage = "The description is limited to {1} characters.")]
    [VisibleText]
    [Display(Name = "The description of what happened")]
    public string? EventDetails { get; set; }

    /// <summary>The follow-up to "yes": a side effect or adverse event.</summary>
    public bool SideEffect { get; set; }

    /// <summary>The follow-up to "yes": a problem with the product itself (a defect, damaged packaging).</summary>
    public bool ProductProblem { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Agree to be contacted about your question, so that we can answer it.")]
    public bool Consent { get; set; }

    /// <summary>Left empty by people (it is hidden from them and labelled so); filled in by bots that fill every field.</summary>
    public string? Website { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new ValidationResult("Enter an email address or a phone number, so that we can answer you.", [nameof(Email)]);
        }
        else if (PreferredReply == "email" && string.IsNullOrWhiteSpace(Email))
        {
            yield return new ValidationResult("You chose a reply by email: enter your email address.", [nameof(Email)]);
        }
        else if (PreferredReply == "phone" && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new ValidationResult("You chose a reply by phone: enter your phone number.", [nameof(Phone)]);
        }

        if (InvolvesSafety == Yes && string.IsNullOrWhiteSpace(EventDetails))
        {
            yield return new ValidationResult("Describe what happened: the side effect or the problem with the product, and when.", [nameof(EventDetails)]);
        }
    }

    public NewRequest ToRequest(RequesterKind requester, IReadOnlyList<string> products) => new(
        requester, Name, Role, Institution, Country, Region, Email, Phone,
        PreferredReply == "phone" ? ReplyChannel.Phone : ReplyChannel.Email,
        products, OtherProduct, Question,
        // A "yes" with neither box ticked is taken as a side effect: a flag is a prompt for staff, so it errs on the side of flagging.
        ReportsSafetyEvent: InvolvesSafety == Yes && (SideEffect || !ProductProblem),
        ReportsProductProblem: InvolvesSafety == Yes && ProductProblem,
        InvolvesSafety == Yes ? EventDetails : null,
        Consent);
}

/// <summary>An email address a mail server would take: one address, no display name, a dot in the domain.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MailAddressAttribute() : ValidationAttribute("Enter one email address, like name@example.org.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (System.Net.Mail.MailAddress.TryCreate(text.Trim(), out var address)
            && address.Address == text.Trim()
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.'));
}

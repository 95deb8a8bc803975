using System.ComponentModel.DataAnnotations;
using MedInfo.Letters;
using MedInfo.Web.Components.UI;

namespace MedInfo.Web.Components.Pages.Staff;

/// <summary>The HCP request as staff type it into the package form; validated before anything is printed.</summary>
public sealed class PackageForm
{
    [Required(ErrorMessage = "Enter the request number.")]
    [StringLength(50, ErrorMessage = "A request number has at most 50 characters.")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9\-_/.]*$", ErrorMessage = "A request number has letters, digits and - _ / . only.")]
    [VisibleText]
    [Display(Name = "The request number")]
    public string RequestNumber { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the HCP's name.")]
    [StringLength(200, ErrorMessage = "The HCP's name is limited to 200 characters.")]
    [VisibleText]
    [Display(Name = "The HCP's name")]
    public string HcpName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the HCP's credentials (for example MD, PharmD).")]
    [StringLength(100, ErrorMessage = "The credentials are limited to 100 characters.")]
    [VisibleText]
    [Display(Name = "The credentials")]
    public string Credentials { get; set; } = string.Empty;

    // Patients and caregivers have none; the cover letter leaves the line empty.
    [StringLength(200, ErrorMessage = "The institution is limited to 200 characters.")]
    [VisibleText]
    [Display(Name = "The institution")]
    public string Institution { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter a postal address or an email address.")]
    [StringLength(400, ErrorMessage = "The contact is limited to 400 characters.")]
    [VisibleText]
    [Display(Name = "The contact")]
    public string Contact { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the question as it was received.")]
    [StringLength(4000, ErrorMessage = "The question is limited to 4,000 characters.")]
    [VisibleText]
    [Display(Name = "The question")]
    public string Question { get; set; } = string.Empty;

    [StringLength(8000, ErrorMessage = "The custom reply is limited to 8,000 characters.")]
    [VisibleText]
    [Display(Name = "The custom reply")]
    public string? Reply { get; set; }

    [Required(ErrorMessage = "Enter the date the request was received.")]
    [ReceivedDate]
    public DateOnly? DateReceived { get; set; }

    public HcpRequest ToRequest() => new(
        RequestNumber.Trim(), HcpName.Trim(), Credentials.Trim(), (Institution ?? string.Empty).Trim(), Contact.Trim(), Question.Trim(), DateReceived!.Value);
}

/// <summary>A request cannot arrive in the future (a day's grace for time zones), nor before 2000.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ReceivedDateAttribute() : ValidationAttribute("The date received must be a real date, not in the future.")
{
    public override bool IsValid(object? value) =>
        value is not DateOnly date || (date.Year >= 2000 && date <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
}

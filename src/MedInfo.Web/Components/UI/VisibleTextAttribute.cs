using System.ComponentModel.DataAnnotations;
using MedInfo.Letters;

namespace MedInfo.Web.Components.UI;

/// <summary>A form field that goes into a cover letter or a record holds only what a reader sees: see <see cref="HiddenCharacters"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class VisibleTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return HiddenCharacters.FindFirst(value as string) is { } hidden
            ? new ValidationResult(
                $"{validationContext.DisplayName} contains an invisible character, {hidden.Name}, at position {hidden.Index + 1}. Remove it (it is often pasted in with text from elsewhere).",
                [validationContext.MemberName!])
            : ValidationResult.Success;
    }
}

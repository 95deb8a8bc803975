using Microsoft.AspNetCore.Identity;

namespace MedInfo.Store.Staff;

/// <summary>
/// Staff accounts are ASP.NET Core Identity users in the store. The portal and the command line both apply these
/// rules, so an account made with `medinfo users add` signs in to the portal under the same policy.
/// </summary>
public static class StaffIdentity
{
    /// <summary>Medical Information staff: response packages and the audit trail.</summary>
    public const string StaffRole = "Staff";

    /// <summary>Staff who also manage accounts.</summary>
    public const string AdminRole = "Admin";

    public static IReadOnlyList<string> Roles { get; } = [StaffRole, AdminRole];

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
    }
}

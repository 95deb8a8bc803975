using MedInfo.Store;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;

namespace MedInfo.Web.Components.Pages.Staff;

/// <summary>Staff sign-in: ASP.NET Core Identity on the store, a cookie of its own, and the "Staff" policy.</summary>
public static class StaffSetup
{
    /// <summary>Staff pages and endpoints require this policy: the Staff or Admin role.</summary>
    public const string Policy = "staff";

    /// <summary>Pages for the team's leads (insights, accounts): the Admin role.</summary>
    public const string AdminPolicy = "admin";

    public const string SignInPath = "/staff/signin";

    public static IServiceCollection AddMedInfoStaff(this IServiceCollection services)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(StaffIdentity.Configure)
            .AddEntityFrameworkStores<MedInfoDb>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "medinfo-staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = "/staff/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireRole(StaffIdentity.StaffRole, StaffIdentity.AdminRole))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(StaffIdentity.AdminRole));
        services.AddCascadingAuthenticationState();
        return services;
    }
}

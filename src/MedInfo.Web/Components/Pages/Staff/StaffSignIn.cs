using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace MedInfo.Web.Components.Pages.Staff;

/// <summary>
/// Staff sign-in with guessing slowed down in a way no anonymous client can turn against a staff member (OWASP ASVS
/// V2.2.1): failures are counted per email and client address, so five wrong passwords pause that address's tries
/// for that email, not the account; a ceiling per email across all addresses (100 an hour) bounds a distributed
/// guess. Counts are kept by the email as typed, whether or not such an account exists, and every refusal reads the
/// same as a wrong password, so the answers never tell which staff emails exist. Identity's own lockout is not
/// used for sign-in: it locked the account for everyone.
/// </summary>
public sealed class StaffSignIn(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, SignInThrottle throttle)
{
    /// <summary>True when the person is signed in (the cookie is set on the response).</summary>
    public async Task<bool> SignInAsync(string email, string password, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(email);
        var key = email.Trim().ToUpperInvariant();
        if (throttle.IsPaused(key, clientAddress))
        {
            return false;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // As long as a real check, so the time taken does not tell either.
            users.PasswordHasher.VerifyHashedPassword(UnknownUser, UnknownUserHash, password);
            throttle.Failed(key, clientAddress);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(key, clientAddress);
            return true;
        }

        throttle.Failed(key, clientAddress);
        return false;
    }

    private static readonly IdentityUser UnknownUser = new("unknown");

    private static readonly string UnknownUserHash = new PasswordHasher<IdentityUser>().HashPassword(UnknownUser, Guid.NewGuid().ToString());
}

/// <summary>Failure counts for <see cref="StaffSignIn"/>, in memory, bounded, forgotten after their window.</summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures from one address for one email before its tries pause.</summary>
    public const int FailuresPerClient = 5;

    /// <summary>Failures for one email from all addresses before every try pauses (ASVS: at most 100 an hour).</summary>
    public const int FailuresPerAccount = 100;

    public static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);

    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public bool IsPaused(string email, string client) =>
        Count("client\n" + client + "\n" + email, ClientWindow) >= FailuresPerClient || Count("account\n" + email, AccountWindow) >= FailuresPerAccount;

    public void Failed(string email, string client)
    {
        if (windows.Count > MaxTracked)
        {
            Forget();
        }

        Add("client\n" + client + "\n" + email, ClientWindow);
        Add("account\n" + email, AccountWindow);
    }

    public void Succeeded(string email, string client) => windows.TryRemove("client\n" + client + "\n" + email, out _);

    private int Count(string key, TimeSpan window) =>
        windows.TryGetValue(key, out var kept) && kept.Start + window > time.GetUtcNow() ? kept.Failures : 0;

    private void Add(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        windows.AddOrUpdate(key, _ => new Window(now, 1), (_, kept) => kept.Start + window > now ? kept with { Failures = kept.Failures + 1 } : new Window(now, 1));
    }

    private void Forget()
    {
        var cutoff = time.GetUtcNow() - AccountWindow;
        foreach (var (key, window) in windows)
        {
            if (window.Start < cutoff)
            {
                windows.TryRemove(key, out _);
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}

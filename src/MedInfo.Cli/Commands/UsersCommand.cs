using System.CommandLine;
using System.Text;
using MedInfo.Store;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary>
/// <c>medinfo users add &lt;email&gt; --role Admin</c>: creates a staff account. The password is typed (not echoed)
/// or read from standard input, never given as an argument, where it would land in shell history and process lists.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(Option<string?> dataOption, PasswordSource passwords, TextWriter output, TextWriter error)
    {
        var email = new Argument<string>("email") { Description = "The staff member's email; it is also the sign-in name." };
        var role = new Option<string>("--role") { Description = "Staff or Admin.", DefaultValueFactory = _ => StaffIdentity.StaffRole };
        role.AcceptOnlyFromAmong([.. StaffIdentity.Roles]);
        var add = new Command("add", "Create a staff account. The password is asked for, or read from standard input.") { email, role };
        add.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

            var address = parse.GetValue(email)!.Trim();
            if (await users.FindByEmailAsync(address).ConfigureAwait(false) is not null)
            {
                await error.WriteLineAsync($"There is already an account for {address}.").ConfigureAwait(false);
                return 1;
            }

            var password = await passwords.ReadAsync(output).ConfigureAwait(false);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("No password given: type it when asked, or pipe it on standard input.").ConfigureAwait(false);
                return 1;
            }

            foreach (var name in StaffIdentity.Roles)
            {
                if (!await roles.RoleExistsAsync(name).ConfigureAwait(false))
                {
                    await roles.CreateAsync(new IdentityRole(name)).ConfigureAwait(false);
                }
            }

            var user = new IdentityUser { UserName = address, Email = address, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description))).ConfigureAwait(false);
                return 1;
            }

            // An Admin is also Staff: the staff pages ask for either.
            var chosen = parse.GetValue(role)!;
            await users.AddToRolesAsync(user, chosen == StaffIdentity.AdminRole ? StaffIdentity.Roles : [StaffIdentity.StaffRole]).ConfigureAwait(false);
            await output.WriteLineAsync($"Created {address} with role {chosen}.").ConfigureAwait(false);
            return 0;
        });

        return new Command("users", "Staff accounts for the portal's staff pages.") { add };
    }
}

/// <summary>Where a password comes from: the terminal without echo, or one line of standard input.</summary>
public sealed class PasswordSource(TextReader input, bool interactive)
{
    public async Task<string?> ReadAsync(TextWriter prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!interactive)
        {
            return (await input.ReadLineAsync().ConfigureAwait(false))?.TrimEnd('\r');
        }

        await prompt.WriteAsync("Password (at least 12 characters): ").ConfigureAwait(false);
        var first = ReadHidden();
        await prompt.WriteAsync("Again: ").ConfigureAwait(false);
        var second = ReadHidden();
        return first == second ? first : throw new InvalidOperationException("The two passwords differ.");
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}

using System.Text;

namespace JitBot.Connectors;

/// <summary>
/// The default name of a person in a connected system: the email's local part, lower-cased, every character
/// outside <c>[a-z0-9_]</c> turned into <c>_</c> (<c>Alice.Smith@example.com</c> → <c>alice_smith</c>).
/// </summary>
internal static class UserNames
{
    public static string FromEmail(string email)
    {
        var at = email.LastIndexOf('@');
        var local = (at > 0 ? email[..at] : email).ToLowerInvariant();
        var name = new StringBuilder(local.Length);
        foreach (var c in local)
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return name.Length == 0 ? "_" : name.ToString();
    }
}

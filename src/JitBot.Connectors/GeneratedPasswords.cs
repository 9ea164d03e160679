using System.Security.Cryptography;

namespace JitBot.Connectors;

/// <summary>Random passwords for generated logins: 32 letters and digits (about 190 bits), safe in any URL.</summary>
internal static class GeneratedPasswords
{
    public const int Length = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}

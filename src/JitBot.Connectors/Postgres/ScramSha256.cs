using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, RFC 7677), computed here so that the
/// password itself never reaches the server, its logs or <c>pg_stat_activity</c>:
/// <c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;</c>, all base64.
/// </summary>
internal static class ScramSha256
{
    public const int Iterations = 4096;
    public const int SaltLength = 16;

    private static readonly byte[] ClientKeyLabel = Encoding.ASCII.GetBytes("Client Key");
    private static readonly byte[] ServerKeyLabel = Encoding.ASCII.GetBytes("Server Key");

    public static string Verifier(string password) => Verifier(password, RandomNumberGenerator.GetBytes(SaltLength), Iterations);

    /// <summary>
    /// The verifier for a given salt. The password is used as UTF-8 without SASLprep, which is the identity for
    /// the generated passwords (ASCII letters and digits only).
    /// </summary>
    public static string Verifier(string password, byte[] salt, int iterations)
    {
        var keys = Keys(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture,
            $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(keys.StoredKey)}:{Convert.ToBase64String(keys.ServerKey)}");
    }

    public static (byte[] StoredKey, byte[] ServerKey) Keys(string password, byte[] salt, int iterations)
    {
        // SaltedPassword := Hi(password, salt, i), which is PBKDF2 with HMAC-SHA-256.
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, SHA256.HashSizeInBytes);
        try
        {
            var clientKey = HMACSHA256.HashData(salted, ClientKeyLabel);
            var storedKey = SHA256.HashData(clientKey);
            var serverKey = HMACSHA256.HashData(salted, ServerKeyLabel);
            CryptographicOperations.ZeroMemory(clientKey);
            return (storedKey, serverKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(salted);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JitBot.Testing.Webhook;

/// <summary>
/// Checks a webhook call as an operator's receiver would, written apart from the connector's own signing
/// code so that a test catches a change on either side.
/// </summary>
internal static class WebhookVerification
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static bool SignatureMatches(byte[] key, string? timestamp, string? signature, byte[] body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    public static bool TimestampIsFresh(string? timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= MaxAge;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Security;

/// <summary>
/// Verifies that a request comes from Slack: HMAC over the raw body, compared in constant time, with a
/// symmetric 5-minute window around now. A missing secret fails closed.
/// </summary>
internal sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    public const string SignatureHeader = "X-Slack-Signature";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.Fail("signing secret not configured");
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Fail("missing signature headers");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Fail("invalid timestamp");
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return SignatureCheck.Fail("timestamp outside the 5-minute window");
        }

        var expected = Encoding.ASCII.GetBytes(SlackSignature.Compute(secret, timestamp, body));
        var actual = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? SignatureCheck.Valid
            : SignatureCheck.Fail("signature mismatch");
    }
}

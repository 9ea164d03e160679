using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JitBot.Connectors.Webhook;

/// <summary>The signing scheme of webhook calls: <c>v1=</c> lowercase hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>.</summary>
internal static class WebhookSignature
{
    public const string TimestampHeader = "X-JitBot-Timestamp";
    public const string SignatureHeader = "X-JitBot-Signature";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string Compute(byte[] key, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed));
    }
}

using System.Text.Json;

namespace JitBot.Testing.Webhook;

/// <summary>One call the <see cref="FakeWebhookReceiver"/> received, with how it was checked and answered.</summary>
/// <param name="Sequence">1 for the first call received, then 2, 3, …</param>
/// <param name="Event"><c>grant</c> or <c>revoke</c> as the body says (empty when the body did not say).</param>
/// <param name="RequestId">The body's <c>requestId</c> (empty when absent).</param>
/// <param name="Email">The body's <c>user.email</c>.</param>
/// <param name="Body">The parsed body (<see cref="JsonValueKind.Undefined"/> when it was not JSON).</param>
/// <param name="RawBody">The body exactly as received, decoded as UTF-8.</param>
/// <param name="Status">The HTTP status the receiver answered (or was about to, for a held answer).</param>
public sealed record WebhookCall(
    long Sequence,
    string Event,
    string RequestId,
    string? Email,
    JsonElement Body,
    string RawBody,
    string? ContentType,
    string? IdempotencyKey,
    string? Timestamp,
    string? Signature,
    bool SignatureValid,
    bool TimestampFresh,
    int Status,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Signed with the receiver's secret and stamped within 5 minutes of its clock.</summary>
    public bool IsAuthentic => SignatureValid && TimestampFresh;

    /// <summary>Authentic and answered 2xx: the receiver did what the call asked.</summary>
    public bool Accepted => IsAuthentic && Status is >= 200 and < 300;

    public bool IsGrant => Event == "grant";

    public bool IsRevoke => Event == "revoke";
}

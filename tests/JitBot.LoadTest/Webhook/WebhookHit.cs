namespace JitBot.LoadTest.Webhook;

/// <summary>One webhook call as the load test needs it: what, for which request, when it arrived.</summary>
/// <param name="ExpiresAt">The body's <c>expiresAt</c> (grant and revoke bodies both carry it).</param>
/// <param name="Authentic">The signature matched the connector's secret and the timestamp was fresh.</param>
internal sealed record WebhookHit(string Event, string RequestId, DateTimeOffset? ExpiresAt, DateTimeOffset ReceivedAt, bool Authentic);

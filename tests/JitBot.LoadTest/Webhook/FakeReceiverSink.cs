using System.Globalization;
using System.Text.Json;
using JitBot.LoadTest.Measuring;
using JitBot.Testing.Webhook;

namespace JitBot.LoadTest.Webhook;

/// <summary>JitBot.Testing's <see cref="FakeWebhookReceiver"/> (full bookkeeping of every call), stamped by the load test's clock.</summary>
internal sealed class FakeReceiverSink(FakeWebhookReceiver receiver) : IWebhookSink
{
    public string Name => "FakeWebhookReceiver (JitBot.Testing)";

    public string Url => receiver.Url;

    public static async Task<IWebhookSink> StartAsync(string secret, CancellationToken cancellationToken) =>
        new FakeReceiverSink(await FakeWebhookReceiver.StartAsync(secret, MonotonicClock.Instance, cancellationToken));

    public IReadOnlyList<WebhookHit> Hits() =>
        [.. receiver.Calls.Select(c => new WebhookHit(c.Event, c.RequestId, ExpiresAt(c.Body), c.ReceivedAt, c.IsAuthentic))];

    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    private static DateTimeOffset? ExpiresAt(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("expiresAt", out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}

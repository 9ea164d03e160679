using System.Diagnostics;
using System.Text.Json;

namespace JitBot.Testing.Webhook;

/// <summary>The calls a fake receiver recorded, in order of arrival; thread-safe, with a signal on every new call.</summary>
internal sealed class WebhookCallLog
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private readonly List<WebhookCall> calls = [];
    private TaskCompletionSource changed = NewSignal();

    public void Add(Func<long, WebhookCall> create)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            calls.Add(create(calls.Count + 1));
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    public IReadOnlyList<WebhookCall> Snapshot()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }

    public async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            if (condition())
            {
                return;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The webhook condition did not hold within {timeout}. Calls received: {Describe(Snapshot())}");
            }

            var recheck = Task.Delay(remaining < RecheckInterval ? remaining : RecheckInterval, cancellationToken);
            await Task.WhenAny(signal, recheck).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Accepted grants not followed by an accepted revoke of the same request id, replayed in order of arrival.</summary>
    public static IReadOnlyList<WebhookCall> Held(IEnumerable<WebhookCall> calls)
    {
        var held = new Dictionary<string, WebhookCall>(StringComparer.Ordinal);
        foreach (var call in calls.Where(call => call.Accepted))
        {
            if (call.IsGrant)
            {
                held[call.RequestId] = call;
            }
            else if (call.IsRevoke)
            {
                held.Remove(call.RequestId);
            }
        }

        return [.. held.Values.OrderBy(call => call.Sequence)];
    }

    public static (string Event, string RequestId, string? Email, JsonElement Body) Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement.Clone();
            return (Text(root, "event") ?? "", Text(root, "requestId") ?? "",
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty("user", out var user) ? Text(user, "email") : null, root);
        }
        catch (JsonException)
        {
            return ("", "", null, default);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Describe(IReadOnlyList<WebhookCall> calls) =>
        calls.Count == 0
            ? "none"
            : string.Join("; ", calls.Select(call => $"#{call.Sequence} {call.Event} {call.RequestId} → {call.Status}{(call.IsAuthentic ? "" : " (not authentic)")}"));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

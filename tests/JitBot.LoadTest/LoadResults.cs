using JitBot.LoadTest.Measuring;
using JitBot.LoadTest.Webhook;

namespace JitBot.LoadTest;

/// <summary>What a run measured, computed from the requests' timestamps and the webhook calls received.</summary>
internal sealed record LoadResults(
    IReadOnlyList<LatencyRow> Rows,
    int Filed,
    int CommandsFailed,
    int Granted,
    int Revoked,
    int Lost,
    int NoCard,
    int DuplicateCalls,
    int Unauthentic,
    double CommandsPerSecond,
    double GrantsPerSecond,
    int BurstSize,
    int BurstSameSecond,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> LostIds)
{
    public static LoadResults From(IReadOnlyList<RequestTrack> tracks, IReadOnlyList<WebhookHit> hits)
    {
        var grants = First(hits, "grant");
        var revokes = First(hits, "revoke");
        var filed = tracks.Where(t => t.Id is not null).ToList();
        var granted = filed.Where(t => grants.ContainsKey(t.Id!)).ToList();
        var burst = granted.Where(t => t.InBurst).ToList();

        TimeSpan? ToGrant(RequestTrack t) => grants[t.Id!].ReceivedAt - t.ClickSentAt;
        TimeSpan? ToRevoke(RequestTrack t) =>
            revokes.TryGetValue(t.Id!, out var r) && grants[t.Id!].ExpiresAt is { } expiresAt ? r.ReceivedAt - expiresAt : null;

        // The first seconds run on code the JIT has not optimised yet: shown apart, never left out of the totals.
        var start = tracks.Select(t => t.CommandSentAt).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
        bool Early(RequestTrack t) => t.CommandSentAt < start + WarmUp;
        TimeSpan? ToAnswer(RequestTrack t) => t.CommandAnsweredAt - t.CommandSentAt;

        var rows = new List<LatencyRow>
        {
            new("1. /jit request → HTTP answer", Latencies(tracks, ToAnswer), 50),
            new($"   (first {WarmUp.TotalSeconds:0} s only)", Latencies(tracks.Where(Early), ToAnswer)),
            new($"   (after the first {WarmUp.TotalSeconds:0} s)", Latencies(tracks.Where(t => !Early(t)), ToAnswer)),
            new("   approve click → HTTP answer", Latencies(tracks, t => t.ClickAnsweredAt - t.ClickSentAt)),
            new("2. /jit request → card posted", Latencies(filed, t => t.CardAt - t.CommandSentAt)),
            new("3. approve click → webhook grant", Latencies(granted, ToGrant), 250),
            new("   (burst requests only)", Latencies(burst, ToGrant)),
            new("   (steady requests only)", Latencies(granted.Where(t => !t.InBurst), ToGrant)),
            new("4. expiresAt → webhook revoke", Latencies(granted, ToRevoke), 2000),
            new("   (burst requests only)", Latencies(burst, ToRevoke)),
        };

        var sent = tracks.Select(t => t.CommandSentAt).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
        var answered = tracks.Select(t => t.CommandAnsweredAt).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        var lastGrant = grants.Values.Select(h => h.ReceivedAt).DefaultIfEmpty().Max();
        var burstSecond = burst.Select(t => grants[t.Id!].ExpiresAt).OfType<DateTimeOffset>()
            .GroupBy(e => e.ToUnixTimeSeconds()).Select(g => g.Count()).DefaultIfEmpty().Max();

        return new LoadResults(
            rows,
            filed.Count,
            tracks.Count(t => t.Id is null),
            granted.Count,
            filed.Count(t => revokes.ContainsKey(t.Id!)),
            filed.Count(t => !grants.ContainsKey(t.Id!) || !revokes.ContainsKey(t.Id!)),
            filed.Count(t => t.CardAt is null),
            hits.Count - grants.Count - revokes.Count,
            hits.Count(h => !h.Authentic),
            PerSecond(tracks.Count(t => t.CommandAnsweredAt is not null), answered - sent),
            PerSecond(granted.Count, lastGrant - sent),
            tracks.Count(t => t.InBurst),
            burstSecond,
            [.. tracks.Where(t => t.Failure is not null).GroupBy(t => t.Failure!).Select(g => $"{g.Count()} × {g.Key}")],
            [.. filed.Where(t => !grants.ContainsKey(t.Id!) || !revokes.ContainsKey(t.Id!)).Select(t => t.Id!)]);
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    private static Dictionary<string, WebhookHit> First(IReadOnlyList<WebhookHit> hits, string eventName) =>
        hits.Where(h => h.Event == eventName && h.Authentic)
            .GroupBy(h => h.RequestId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MinBy(h => h.ReceivedAt)!, StringComparer.Ordinal);

    private static LatencyStats Latencies(IEnumerable<RequestTrack> tracks, Func<RequestTrack, TimeSpan?> measure) =>
        LatencyStats.Of(tracks.Select(measure).OfType<TimeSpan>());

    private static double PerSecond(int count, TimeSpan window) => window > TimeSpan.Zero ? count / window.TotalSeconds : 0;
}

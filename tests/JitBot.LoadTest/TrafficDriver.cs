using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using JitBot.LoadTest.Measuring;
using JitBot.Testing.Slack;

namespace JitBot.LoadTest;

/// <summary>
/// Sends the traffic: signed <c>/jit request</c> commands at a fixed rate (open loop: a slow answer never delays the
/// next send), one approval click per steady request as soon as its card is seen, and the burst of clicks on the
/// requests held back for it. Every send runs on the thread pool, never inline on the pacing or watching loops.
/// </summary>
internal sealed partial class TrafficDriver
{
    /// <summary>The burst clicks are spread over this much of one second, starting just after the second begins.</summary>
    public static readonly TimeSpan BurstSpread = TimeSpan.FromMilliseconds(400);

    private readonly LoadWorld world;
    private readonly IReadOnlyList<RequestTrack> tracks;
    private readonly CancellationToken stop;
    private readonly SlackRequestSigner signer = new(LoadWorld.SigningSecret);
    private readonly ConcurrentDictionary<string, RequestTrack> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task> clicks = new();

    public TrafficDriver(LoadWorld world, IReadOnlyList<RequestTrack> tracks, CancellationToken stop)
    {
        this.world = world;
        this.tracks = tracks;
        this.stop = stop;
        Cards = new CardWatcher(world.Slack, OnCard);
    }

    public CardWatcher Cards { get; }

    public int ClicksStarted => clicks.Count;

    /// <summary>The burst's first click was sent at this time (null before, or without a burst).</summary>
    public DateTimeOffset? BurstStartedAt { get; private set; }

    public async Task SendCommandsAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task>(tracks.Count);
        foreach (var track in tracks)
        {
            var due = TimeSpan.FromSeconds((double)track.Index / world.Options.Rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, stop);
            }

            sends.Add(Task.Run(() => SendCommandAsync(track), stop));
        }

        await Task.WhenAll(sends);
    }

    /// <summary>Waits (at most <paramref name="patience"/>) for every burst request's card, then clicks them all within one second.</summary>
    public async Task SendBurstAsync(TimeSpan patience)
    {
        var burst = tracks.Where(t => t.InBurst).ToList();
        var waited = Stopwatch.StartNew();
        while (burst.Any(t => t.Failure is null && !t.ReadyForBurst()) && waited.Elapsed < patience)
        {
            await Task.Delay(100, stop);
        }

        var ready = burst.Where(t => t.ReadyForBurst()).ToList();
        if (ready.Count == 0)
        {
            return;
        }

        var now = MonotonicClock.Now;
        var nextSecond = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        await Task.Delay(nextSecond.AddMilliseconds(20) - now, stop);
        BurstStartedAt = MonotonicClock.Now;
        var started = Stopwatch.GetTimestamp();
        for (var k = 0; k < ready.Count; k++)
        {
            var due = BurstSpread * k / ready.Count - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, stop);
            }

            StartClick(ready[k]);
        }
    }

    /// <summary>Waits for every click sent so far to be answered.</summary>
    public Task ClicksAnsweredAsync() => Task.WhenAll(clicks.ToArray());

    private void OnCard(string id, DateTimeOffset at)
    {
        if (byId.TryGetValue(id, out var track) && track.CardSeen(at))
        {
            StartClick(track);
        }
    }

    private void StartClick(RequestTrack track) => clicks.Enqueue(Task.Run(() => SendClickAsync(track), stop));

    private async Task SendCommandAsync(RequestTrack track)
    {
        using var request = signer.SlashCommand("/slack/commands", track.Requester, LoadWorld.CommandChannel, track.CommandText);
        track.CommandSentAt = MonotonicClock.Now;
        try
        {
            using var response = await world.Client.SendAsync(request, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            track.CommandAnsweredAt = MonotonicClock.Now;
            if (!response.IsSuccessStatusCode || RequestId().Match(body) is not { Success: true } match)
            {
                track.Failure = $"command answered HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 160)]}";
                return;
            }

            byId[match.Value] = track;
            var due = track.Filed(match.Value) || (Cards.TryGet(match.Value, out var at) && track.CardSeen(at));
            if (due)
            {
                StartClick(track);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            track.Failure = $"command not answered: {e.GetType().Name}";
        }
    }

    private async Task SendClickAsync(RequestTrack track)
    {
        using var request = signer.ButtonClick("/slack/interactions", LoadWorld.Approver(track.Index), LoadWorld.ApproverChannel, "jit.approve", track.Id!);
        track.ClickSentAt = MonotonicClock.Now;
        try
        {
            using var response = await world.Client.SendAsync(request, stop);
            track.ClickAnsweredAt = MonotonicClock.Now;
            if (!response.IsSuccessStatusCode)
            {
                track.Failure = $"click answered HTTP {(int)response.StatusCode}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            track.Failure = $"click not answered: {e.GetType().Name}";
        }
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}

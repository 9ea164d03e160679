using System.Diagnostics;
using System.Runtime;
using JitBot.LoadTest.Measuring;

namespace JitBot.LoadTest;

/// <summary>
/// One run, start to finish: the world up, the traffic sent, every grant's revocation awaited, the figures taken,
/// everything stopped and this run's Redis keys deleted. Bounded by <see cref="LoadOptions.Deadline"/>.
/// </summary>
internal static class LoadRun
{
    /// <summary>Kept back from the deadline for stopping the host and cleaning up.</summary>
    private static readonly TimeSpan CleanupReserve = TimeSpan.FromSeconds(25);

    /// <summary>How long after the last expiry (or click) a missing revoke (or grant) is waited for before it counts as lost.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    public static async Task<(LoadResults Results, RunFacts Facts)> RunAsync(LoadOptions options, string minThreads, TextWriter log)
    {
        var elapsed = Stopwatch.StartNew();
        using var traffic = new CancellationTokenSource(options.Deadline - CleanupReserve);
        using var background = new CancellationTokenSource();
        var tracks = LoadPlan.Build(options);
        var sampler = new RuntimeSampler();
        var sampling = sampler.RunAsync(background.Token);

        log.WriteLine($"starting the host ({(options.Embedded ? "embedded store" : "Redis " + options.Redis)}, {options.Workers} workers) ...");
        var world = await LoadWorld.StartAsync(options, traffic.Token);
        try
        {
            var driver = new TrafficDriver(world, tracks, traffic.Token);
            var watching = driver.Cards.RunAsync(background.Token);
            var progress = ProgressAsync(world, driver, tracks, elapsed, log, background.Token);
            log.WriteLine($"host up after {elapsed.Elapsed.TotalSeconds:F1} s; sending {options.Requests} commands at {options.Rate}/s ...");
            var deadlineHit = await DriveAsync(world, driver, tracks, log, traffic.Token);
            var results = LoadResults.From(tracks, world.Webhook.Hits());
            await background.CancelAsync();
            await Task.WhenAll(sampling, watching, progress);
            return (results, TakeFacts(options, world, sampler, elapsed.Elapsed, deadlineHit, minThreads));
        }
        finally
        {
            await background.CancelAsync();
            await world.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
            var deleted = await world.DeleteRedisKeysAsync().WaitAsync(TimeSpan.FromSeconds(10));
            log.WriteLine($"host stopped; {deleted} Redis keys of prefix {world.Prefix} deleted");
        }
    }

    /// <summary>Sends the traffic and waits for the revokes; true when the deadline cut it short.</summary>
    private static async Task<bool> DriveAsync(LoadWorld world, TrafficDriver driver, IReadOnlyList<RequestTrack> tracks, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await driver.SendCommandsAsync();
            await driver.SendBurstAsync(TimeSpan.FromSeconds(30));
            log.WriteLine($"burst of {tracks.Count(t => t.InBurst)} clicks sent from {driver.BurstStartedAt:HH:mm:ss.fff}; waiting for every revoke ...");
            await WaitForEndAsync(world, tracks, cancellationToken);
            await driver.ClicksAnsweredAsync().WaitAsync(cancellationToken);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private static async Task WaitForEndAsync(LoadWorld world, IReadOnlyList<RequestTrack> tracks, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var hits = world.Webhook.Hits();
            var revoked = hits.Where(h => h.Event == "revoke").Select(h => h.RequestId).ToHashSet(StringComparer.Ordinal);
            var open = tracks.Where(t => t.Id is not null && !revoked.Contains(t.Id)).ToList();
            if (open.Count == 0)
            {
                return;
            }

            var lastExpiry = hits.Select(h => h.ExpiresAt).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
            var lastClick = tracks.Select(t => t.ClickSentAt).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
            var now = MonotonicClock.Now;
            if (now > lastExpiry + Grace && now > lastClick + Grace)
            {
                return;
            }
        }
    }

    private static async Task ProgressAsync(
        LoadWorld world, TrafficDriver driver, IReadOnlyList<RequestTrack> tracks, Stopwatch elapsed, TextWriter log, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var hits = world.Webhook.Hits();
                log.WriteLine(
                    $"  {elapsed.Elapsed.TotalSeconds,5:F0} s: answered {tracks.Count(t => t.CommandAnsweredAt is not null)}, cards {driver.Cards.Count}, " +
                    $"clicks {driver.ClicksStarted}, grants {hits.Count(h => h.Event == "grant")}, revokes {hits.Count(h => h.Event == "revoke")}, " +
                    $"pool threads {ThreadPool.ThreadCount}, queued {ThreadPool.PendingWorkItemCount}");
            }
        }
        catch (OperationCanceledException)
        {
            // Progress ends with the run.
        }
    }

    private static RunFacts TakeFacts(LoadOptions options, LoadWorld world, RuntimeSampler sampler, TimeSpan elapsed, bool deadlineHit, string minThreads)
    {
        var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
        var pauses = GC.GetTotalPauseDuration();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new RunFacts(
            options, world.Webhook.Name, elapsed, deadlineHit, peak, heap, pauses, collections, GCSettings.IsServerGC,
            sampler.MaxThreads, sampler.MaxQueued, sampler.DispatchDelay, minThreads, world.Slack.Calls().Count);
    }
}

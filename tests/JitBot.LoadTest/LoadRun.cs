using System.Diagnostics;
using System.Runtime;
using Hangfire;
using JitBot.Core.Requests;
using JitBot.LoadTest.Measuring;
using Microsoft.Extensions.DependencyInjection;

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
        await using var redis = await RedisSide.ConnectAsync(options);
        var cpu = new CpuMeter(redis);
        var profiler = new HangfireJobProfiler();
        GlobalJobFilters.Filters.Add(profiler);

        log.WriteLine($"starting the host ({(options.Embedded ? "embedded store" : "Redis " + options.Redis)}, {options.Workers} workers) ...");
        var world = await LoadWorld.StartAsync(options, traffic.Token);
        try
        {
            var warmUp = await WarmUpAsync(world, options, log, traffic.Token);
            var driver = new TrafficDriver(world, tracks, traffic.Token);
            var hangfire = new HangfireProbe(world.Services.GetRequiredService<JobStorage>());
            var probes = Task.WhenAll(driver.Cards.RunAsync(background.Token), hangfire.RunAsync(background.Token), sampling,
                ProgressAsync(world, driver, hangfire, tracks, elapsed, log, background.Token));
            log.WriteLine($"host up after {elapsed.Elapsed.TotalSeconds:F1} s; sending {options.Requests} commands at {options.Rate}/s ...");
            await cpu.MarkAsync("host up");
            var deadlineHit = await DriveAsync(world, driver, tracks, cpu, log, traffic.Token);
            var results = LoadResults.From(tracks, world.Webhook.Hits());
            if (warmUp.Count > 0)
            {
                results = results with { Rows = [.. results.Rows, .. WarmUpRows(warmUp, world, options)] };
            }
            await background.CancelAsync();
            await probes;
            var lost = await LostStatesAsync(world, results.LostIds);
            var facts = TakeFacts(options, world, sampler, hangfire, elapsed.Elapsed, deadlineHit, minThreads, [.. cpu.Intervals()]) with
            {
                LostStates = lost,
                Jobs = profiler.Report(),
            };
            return (results, facts);
        }
        finally
        {
            await background.CancelAsync();
            await StopAsync(world, redis, log);
        }
    }

    /// <summary>Sends the warm-up traffic and waits for its grants (at most 30 s); its requests are measured apart.</summary>
    private static async Task<IReadOnlyList<RequestTrack>> WarmUpAsync(LoadWorld world, LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var tracks = LoadPlan.BuildWarmUp(options);
        if (tracks.Count == 0)
        {
            return tracks;
        }

        log.WriteLine($"warming up: {tracks.Count} commands at {options.Rate}/s, measured apart ...");
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var driver = new TrafficDriver(world, tracks, cancellationToken);
        var cards = driver.Cards.RunAsync(watching.Token);
        await driver.SendCommandsAsync();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30)
            && tracks.Any(t => t.Id is not null && !world.Webhook.Hits().Any(h => h.Event == "grant" && h.RequestId == t.Id)))
        {
            await Task.Delay(200, cancellationToken);
        }

        await driver.ClicksAnsweredAsync().WaitAsync(cancellationToken);
        await watching.CancelAsync();
        await cards.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return tracks;
    }

    private static IEnumerable<LatencyRow> WarmUpRows(IReadOnlyList<RequestTrack> warmUp, LoadWorld world, LoadOptions options)
    {
        var rows = LoadResults.From(warmUp, world.Webhook.Hits()).Rows;
        var label = $"warm-up ({options.WarmUp} s before, not counted)";
        yield return new LatencyRow(label + ": HTTP answer", rows[0].Stats);
        yield return new LatencyRow(label + ": click → grant", rows.First(r => r.Metric.StartsWith("3.", StringComparison.Ordinal)).Stats);
    }

    /// <summary>Stops the host and the fakes, then deletes this run's Redis keys; each step bounded in time.</summary>
    private static async Task StopAsync(LoadWorld world, RedisSide redis, TextWriter log)
    {
        try
        {
            await world.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
            var deleted = await redis.DeleteKeysAsync(world.Prefix).WaitAsync(TimeSpan.FromSeconds(10));
            log.WriteLine($"host stopped; {deleted} Redis keys of prefix {world.Prefix} deleted");
        }
        catch (TimeoutException)
        {
            log.WriteLine($"clean-up took too long: keys of prefix {world.Prefix} may remain in Redis");
        }
    }

    /// <summary>Sends the traffic and waits for the revokes; true when the deadline cut it short.</summary>
    private static async Task<bool> DriveAsync(
        LoadWorld world, TrafficDriver driver, IReadOnlyList<RequestTrack> tracks, CpuMeter cpu, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await driver.SendCommandsAsync();
            await cpu.MarkAsync("while sending commands and clicks");
            await driver.SendBurstAsync(TimeSpan.FromSeconds(30));
            log.WriteLine(driver.BurstStartedAt is { } burst
                ? $"burst of {tracks.Count(t => t.InBurst)} clicks sent from {burst:HH:mm:ss.fff}; waiting for every revoke ..."
                : "no burst; waiting for every revoke ...");
            await WaitForEndAsync(world, tracks, cancellationToken);
            await driver.ClicksAnsweredAsync().WaitAsync(cancellationToken);
            await cpu.MarkAsync("from then until the last revoke");
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
            if (tracks.All(t => t.Id is null || revoked.Contains(t.Id)))
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

    /// <summary>What the store says now about requests that were lost, e.g. "Approved, expired before its grant ran 20".</summary>
    private static async Task<string> LostStatesAsync(LoadWorld world, IReadOnlyList<string> ids)
    {
        var store = world.Services.GetRequiredService<IRequestStore>();
        var states = new List<string>();
        foreach (var id in ids.Take(200))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var request = await store.GetAsync(id, timeout.Token);
            states.Add(request switch
            {
                null => "not in the store",
                { Status: RequestStatus.Approved, ExpiresAt: { } expiresAt } when expiresAt <= DateTimeOffset.UtcNow => "Approved, expired before its grant ran",
                _ => request.Status.ToString(),
            });
        }

        return string.Join(", ", states.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"));
    }

    private static async Task ProgressAsync(
        LoadWorld world, TrafficDriver driver, HangfireProbe hangfire, IReadOnlyList<RequestTrack> tracks, Stopwatch elapsed, TextWriter log,
        CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var hits = world.Webhook.Hits();
                log.WriteLine(
                    $"  {elapsed.Elapsed.TotalSeconds,5:F0} s: answered {tracks.Count(t => t.CommandAnsweredAt is not null)}, cards {driver.Cards.Count}, " +
                    $"clicks {driver.ClicksStarted}, grants {hits.Count(h => h.Event == "grant")}, revokes {hits.Count(h => h.Event == "revoke")}; " +
                    $"Hangfire waiting {hangfire.Default} + {hangfire.Revocations}; pool threads {ThreadPool.ThreadCount}, queued {ThreadPool.PendingWorkItemCount}");
            }
        }
        catch (OperationCanceledException)
        {
            // Progress ends with the run.
        }
    }

    private static RunFacts TakeFacts(
        LoadOptions options, LoadWorld world, RuntimeSampler sampler, HangfireProbe hangfire, TimeSpan elapsed, bool deadlineHit, string minThreads,
        IReadOnlyList<string> cpu)
    {
        var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
        var pauses = GC.GetTotalPauseDuration();
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new RunFacts(
            options, world.Webhook.Name, elapsed, deadlineHit, peak, heap, pauses, collections, GCSettings.IsServerGC,
            sampler.MaxThreads, sampler.MaxQueued, sampler.DispatchDelay, minThreads, world.Slack.Calls().Count,
            cpu, hangfire.MaxDefault, hangfire.MaxRevocations, hangfire.Failures, "", []);
    }
}

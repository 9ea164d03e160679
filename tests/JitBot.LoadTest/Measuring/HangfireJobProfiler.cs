using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Server;

namespace JitBot.LoadTest.Measuring;

/// <summary>
/// Where Hangfire's time goes, per job method: how long creating a job blocks its caller (the host's sync
/// <c>Enqueue</c>/<c>Schedule</c>, on the request path too), how long an enqueued job waits until a worker starts it,
/// how long it runs, and the gap a worker leaves before it (fetching it and recording its states: while jobs are
/// waiting, that gap is Hangfire's own cost per job; when the queue runs dry it includes idle time). Observes only: a global Hangfire filter, added to this process before the host starts.
/// </summary>
internal sealed class HangfireJobProfiler : IClientFilter, IServerFilter
{
    private const string StartedKey = "loadtest:started";

    private readonly ConcurrentDictionary<(string Method, string Phase), ConcurrentQueue<TimeSpan>> samples = new();

    /// <summary>Phases in report order: what each row measures.</summary>
    public static readonly string[] Phases = ["create (blocks the caller)", "wait in queue (enqueued jobs)", "run", "worker gap before it (fetch, states)"];

    /// <summary>When this worker thread last finished a job; the gap to its next job is Hangfire's own per-job work.</summary>
    [ThreadStatic]
    private static long lastPerformed;

    public void OnCreating(CreatingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnCreated(CreatedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long ticks)
        {
            Add(context.Job.Method.Name, Phases[0], Stopwatch.GetElapsedTime(ticks));
        }
    }

    public void OnPerforming(PerformingContext context)
    {
        var now = Stopwatch.GetTimestamp();
        context.Items[StartedKey] = now;
        var job = context.BackgroundJob;
        if (lastPerformed != 0)
        {
            Add(job.Job.Method.Name, Phases[3], Stopwatch.GetElapsedTime(lastPerformed, now));
        }

        if (job.Job.Method.Name != "RevokeAsync" && job.Job.Method.Name != "ExpirePendingAsync")
        {
            // Scheduled jobs wait for their time on purpose; only jobs enqueued for now are measured.
            Add(job.Job.Method.Name, Phases[1], DateTime.UtcNow - job.CreatedAt);
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        lastPerformed = Stopwatch.GetTimestamp();
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long ticks)
        {
            Add(context.BackgroundJob.Job.Method.Name, Phases[2], Stopwatch.GetElapsedTime(ticks, lastPerformed));
        }
    }

    /// <summary>Every method and phase measured, with its statistics; "all jobs" first.</summary>
    public IReadOnlyList<(string Method, string Phase, LatencyStats Stats)> Report()
    {
        var rows = new List<(string, string, LatencyStats)>();
        foreach (var phase in Phases)
        {
            rows.Add(("all jobs", phase, LatencyStats.Of(samples.Where(s => s.Key.Phase == phase).SelectMany(s => s.Value))));
        }

        foreach (var ((method, phase), values) in samples.OrderBy(s => s.Key.Method, StringComparer.Ordinal).ThenBy(s => Array.IndexOf(Phases, s.Key.Phase)))
        {
            rows.Add((method, phase, LatencyStats.Of(values)));
        }

        return rows;
    }

    private void Add(string method, string phase, TimeSpan elapsed) =>
        samples.GetOrAdd((method, phase), _ => new ConcurrentQueue<TimeSpan>()).Enqueue(elapsed);
}

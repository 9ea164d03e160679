using System.Collections.Concurrent;
using System.Diagnostics;

namespace JitBot.LoadTest.Measuring;

/// <summary>
/// Samples this process every 100 ms: thread-pool threads and queue length, and how long a work item queued to the
/// thread pool waits before it runs (the symptom of starvation, which shows up in every latency above).
/// </summary>
internal sealed class RuntimeSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<TimeSpan> dispatchDelays = new();

    public int MaxThreads { get; private set; }

    public long MaxQueued { get; private set; }

    public LatencyStats DispatchDelay => LatencyStats.Of(dispatchDelays);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
                MaxQueued = Math.Max(MaxQueued, ThreadPool.PendingWorkItemCount);
                var queued = Stopwatch.GetTimestamp();
                ThreadPool.UnsafeQueueUserWorkItem(
                    state => state.dispatchDelays.Enqueue(Stopwatch.GetElapsedTime(state.queued)), (dispatchDelays, queued), preferLocal: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the run.
        }
    }
}

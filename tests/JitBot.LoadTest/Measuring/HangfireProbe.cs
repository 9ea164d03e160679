using Hangfire;
using JitBot.Hangfire.Jobs;

namespace JitBot.LoadTest.Measuring;

/// <summary>
/// Samples the host's Hangfire queues every 250 ms through its monitoring API (read-only): how many jobs wait in
/// the default and the revocations queue. Runs on a thread of its own, since the monitoring API blocks.
/// </summary>
internal sealed class HangfireProbe(JobStorage storage)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public long MaxDefault { get; private set; }

    public long MaxRevocations { get; private set; }

    public long Default { get; private set; }

    public long Revocations { get; private set; }

    /// <summary>Samples that failed (Redis busy or down); the figures above then lack those moments.</summary>
    public int Failures { get; private set; }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ContinueWith(_ => { }, TaskScheduler.Default);

    private void Run(CancellationToken cancellationToken)
    {
        var monitoring = storage.GetMonitoringApi();
        while (!cancellationToken.WaitHandle.WaitOne(Interval))
        {
            try
            {
                Default = monitoring.EnqueuedCount(JitJobs.DefaultQueue);
                Revocations = monitoring.EnqueuedCount(JitJobs.RevocationQueue);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failures++;
                continue;
            }

            MaxDefault = Math.Max(MaxDefault, Default);
            MaxRevocations = Math.Max(MaxRevocations, Revocations);
        }
    }
}

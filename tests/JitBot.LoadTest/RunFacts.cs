using JitBot.LoadTest.Measuring;

namespace JitBot.LoadTest;

/// <summary>How the run was set up and what the process went through (memory, GC, thread pool).</summary>
internal sealed record RunFacts(
    LoadOptions Options,
    string Receiver,
    TimeSpan Elapsed,
    bool DeadlineHit,
    long PeakWorkingSet,
    long GcHeapAfterRun,
    TimeSpan GcPauses,
    string GcCollections,
    bool ServerGc,
    int MaxPoolThreads,
    long MaxPoolQueue,
    LatencyStats DispatchDelay,
    string MinThreads,
    int SlackCalls,
    IReadOnlyList<string> Cpu,
    long MaxDefaultQueue,
    long MaxRevocationQueue,
    int ProbeFailures,
    string LostStates,
    IReadOnlyList<(string Method, string Phase, LatencyStats Stats)> Jobs)
{
    public string Store => Options.Embedded ? "embedded (in-memory store, Hangfire.InMemory)" : $"Redis {Options.Redis}";
}

using JitBot.LoadTest.Measuring;

namespace JitBot.LoadTest;

/// <summary>One latency row of the report, with its target (if any) in milliseconds.</summary>
internal sealed record LatencyRow(string Metric, LatencyStats Stats, double? TargetP99 = null)
{
    public bool? Met => TargetP99 is { } target && Stats.Count > 0 ? Stats.P99 < target : null;
}

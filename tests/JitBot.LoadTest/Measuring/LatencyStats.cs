namespace JitBot.LoadTest.Measuring;

/// <summary>Order statistics of a set of latencies in milliseconds (nearest-rank percentiles, signed values kept).</summary>
internal sealed record LatencyStats(int Count, double Min, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencyStats(sorted.Length, sorted[0], Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

using System.Diagnostics;

namespace JitBot.LoadTest.Measuring;

/// <summary>CPU used by this process and by the Redis server between two marks, as a share of this machine's cores.</summary>
internal sealed class CpuMeter(RedisSide redis)
{
    private readonly List<(string Name, TimeSpan Wall, TimeSpan Process, double? Redis)> marks = [];

    public async Task MarkAsync(string name)
    {
        using var process = Process.GetCurrentProcess();
        marks.Add((name, Stopwatch.GetElapsedTime(0), process.TotalProcessorTime, await redis.CpuSecondsAsync()));
    }

    /// <summary>One line per interval between marks: "sending commands (20 s): this process 87%, Redis 21% of 2 cores".</summary>
    public IEnumerable<string> Intervals()
    {
        for (var i = 1; i < marks.Count; i++)
        {
            var (from, to) = (marks[i - 1], marks[i]);
            var wall = (to.Wall - from.Wall).TotalSeconds * Environment.ProcessorCount;
            var redisShare = to.Redis - from.Redis is { } seconds ? $", Redis server {seconds / wall:P0}" : "";
            yield return $"{to.Name} ({(to.Wall - from.Wall).TotalSeconds:F0} s): this process {(to.Process - from.Process).TotalSeconds / wall:P0}{redisShare}";
        }
    }
}

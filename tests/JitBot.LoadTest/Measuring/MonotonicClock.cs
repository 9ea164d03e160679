using System.Diagnostics;

namespace JitBot.LoadTest.Measuring;

/// <summary>
/// UTC time that never jumps: the wall clock read once, then advanced by <see cref="Stopwatch"/>. Every timestamp the
/// load test takes (send, card seen, webhook received) comes from here, so differences are exact; over a run of a
/// few minutes it stays within milliseconds of the host's own clock, against which <c>expiresAt</c> is compared.
/// </summary>
internal sealed class MonotonicClock : TimeProvider
{
    public static readonly MonotonicClock Instance = new();

    private readonly DateTimeOffset anchor = DateTimeOffset.UtcNow;
    private readonly long anchorTicks = Stopwatch.GetTimestamp();

    public static DateTimeOffset Now => Instance.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => anchor + Stopwatch.GetElapsedTime(anchorTicks);
}

using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Teams.Tests;

internal static class TimeHelpers
{
    /// <summary>Moves fake time forward in small steps until <paramref name="task"/> ends; returns how much fake time it took.</summary>
    public static async Task<TimeSpan> AdvanceUntilDoneAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        var start = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("the task did not finish while fake time advanced");
            }

            time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(5));
        }

        await task;
        return time.GetUtcNow() - start;
    }
}

using System.Diagnostics;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>Polls for a state with a deadline: never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        GetAsync<object>(() => Task.FromResult(condition() ? new object() : null), timeout, what);
}

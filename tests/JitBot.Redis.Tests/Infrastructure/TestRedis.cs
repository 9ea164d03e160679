using JitBot.Testing.Infrastructure;
using StackExchange.Redis;

namespace JitBot.Redis.Tests.Infrastructure;

/// <summary>One connection to the test Redis for the whole test run, and clean-up of a test's keys.</summary>
internal static class TestRedis
{
    private static readonly Lazy<Task<ConnectionMultiplexer>> Shared =
        new(() => ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis()));

    public static Task<ConnectionMultiplexer> ConnectAsync() => Shared.Value;

    /// <summary>Deletes every key under <paramref name="prefix"/>.</summary>
    public static async Task DeleteAsync(string prefix)
    {
        var connection = await ConnectAsync();
        var database = connection.GetDatabase();
        foreach (var server in connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }
}

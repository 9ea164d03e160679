using System.Globalization;
using StackExchange.Redis;

namespace JitBot.LoadTest.Measuring;

/// <summary>The load test's own connection to the host's Redis: the server's CPU time, and the clean-up of a run's keys.</summary>
internal sealed class RedisSide(ConnectionMultiplexer? redis) : IAsyncDisposable
{
    public static async Task<RedisSide> ConnectAsync(LoadOptions options)
    {
        if (options.Embedded)
        {
            return new RedisSide(null);
        }

        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AllowAdmin = true;
        configuration.ClientName = "jitbot-loadtest";
        return new RedisSide(await ConnectionMultiplexer.ConnectAsync(configuration));
    }

    /// <summary>used_cpu_user + used_cpu_sys of the Redis server, in seconds (null without Redis).</summary>
    public async Task<double?> CpuSecondsAsync()
    {
        if (redis is null)
        {
            return null;
        }

        var info = await redis.GetServer(redis.GetEndPoints()[0]).InfoAsync("cpu");
        return info.SelectMany(group => group)
            .Where(pair => pair.Key is "used_cpu_user" or "used_cpu_sys")
            .Sum(pair => double.Parse(pair.Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Deletes every key that starts with <paramref name="prefix"/>; returns how many.</summary>
    public async Task<long> DeleteKeysAsync(string prefix)
    {
        if (redis is null)
        {
            return 0;
        }

        var database = redis.GetDatabase();
        long deleted = 0;
        var batch = new List<RedisKey>(500);
        foreach (var endPoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endPoint).KeysAsync(pattern: prefix + "*", pageSize: 500))
            {
                batch.Add(key);
                if (batch.Count == 500)
                {
                    deleted += await database.KeyDeleteAsync([.. batch]);
                    batch.Clear();
                }
            }
        }

        return deleted + (batch.Count == 0 ? 0 : await database.KeyDeleteAsync([.. batch]));
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}

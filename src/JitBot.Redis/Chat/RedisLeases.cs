using JitBot.Core.Scheduling;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Chat;

/// <summary>Leases as Redis keys holding the holder's id, with a time to live; renewed only by their holder.</summary>
internal sealed class RedisLeases(IConnectionMultiplexer connection, IOptions<RedisOptions> options) : ILeases
{
    private const string Hold = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return 1
        end
        return 0
        """;

    private readonly RedisKeys keys = new(options.Value.Prefix);

    public async Task<bool> TryHoldAsync(string name, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        var held = await connection.GetDatabase()
            .ScriptEvaluateAsync(Hold, [keys.Lease(name)], [holder, (long)lease.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return (long)held == 1;
    }
}

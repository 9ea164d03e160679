using JitBot.Core.Chat;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Chat;

/// <summary>Adapter state as fields of one Redis hash under the prefix.</summary>
internal sealed class RedisPlatformStateStore(IConnectionMultiplexer connection, IOptions<RedisOptions> options) : IPlatformStateStore
{
    private readonly RedisKey key = new RedisKeys(options.Value.Prefix).PlatformState;

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        await connection.GetDatabase().HashGetAsync(key, name).WaitAsync(cancellationToken);

    public Task SetAsync(string name, string value, CancellationToken cancellationToken) =>
        connection.GetDatabase().HashSetAsync(key, name, value).WaitAsync(cancellationToken);
}

using System.Collections.Concurrent;
using JitBot.Core.Chat;

namespace JitBot.Redis.Chat;

/// <summary>The embedded twin of <see cref="RedisPlatformStateStore"/>.</summary>
internal sealed class InMemoryPlatformStateStore : IPlatformStateStore
{
    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        values[key] = value;
        return Task.CompletedTask;
    }
}

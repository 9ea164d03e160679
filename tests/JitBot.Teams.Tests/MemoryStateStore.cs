using System.Collections.Concurrent;
using JitBot.Core.Chat;

namespace JitBot.Teams.Tests;

/// <summary>A hand-written <see cref="IPlatformStateStore"/> for tests.</summary>
internal sealed class MemoryStateStore : IPlatformStateStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return Task.CompletedTask;
    }
}

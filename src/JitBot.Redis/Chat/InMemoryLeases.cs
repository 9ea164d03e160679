using JitBot.Core.Scheduling;

namespace JitBot.Redis.Chat;

/// <summary>The embedded twin of <see cref="RedisLeases"/>: one process, so whoever asks first holds a lease until it lapses.</summary>
internal sealed class InMemoryLeases(TimeProvider time) : ILeases
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Holder, DateTimeOffset Until)> leases = new(StringComparer.Ordinal);

    public Task<bool> TryHoldAsync(string name, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (leases.TryGetValue(name, out var current) && current.Holder != holder && current.Until > now)
            {
                return Task.FromResult(false);
            }

            leases[name] = (holder, now + lease);
            return Task.FromResult(true);
        }
    }
}

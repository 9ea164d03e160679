using JitBot.Core.Scheduling;
using JitBot.Redis.Chat;
using JitBot.Redis.Tests.Infrastructure;
using JitBot.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace JitBot.Redis.Tests.Chat;

[NeedsRedis]
public sealed class LeasesTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string prefix = TestServers.UniquePrefix(nameof(LeasesTests));
    private RedisLeases redis = null!;

    public async Task InitializeAsync() =>
        redis = new RedisLeases(await TestRedis.ConnectAsync(), Options.Create(new RedisOptions { Prefix = prefix }));

    public Task DisposeAsync() => TestRedis.DeleteAsync(prefix);

    [RedisFact]
    public async Task On_redis_one_holder_at_a_time_renews_and_the_other_takes_over_when_it_lapses()
    {
        Assert.True(await redis.TryHoldAsync("audit-lines:slack", "a", TimeSpan.FromMilliseconds(300), None));
        Assert.False(await redis.TryHoldAsync("audit-lines:slack", "b", TimeSpan.FromSeconds(10), None));
        Assert.True(await redis.TryHoldAsync("audit-lines:slack", "a", TimeSpan.FromMilliseconds(300), None));
        Assert.True(await redis.TryHoldAsync("audit-lines:teams", "b", TimeSpan.FromSeconds(10), None));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await redis.TryHoldAsync("audit-lines:slack", "b", TimeSpan.FromSeconds(10), None))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the lapsed lease was never free");
            await Task.Delay(50);
        }

        Assert.False(await redis.TryHoldAsync("audit-lines:slack", "a", TimeSpan.FromSeconds(10), None));
    }

    [Fact]
    public async Task Embedded_one_holder_at_a_time_until_the_lease_lapses_on_the_clock()
    {
        var time = new ManualClock();
        var leases = new InMemoryLeases(time);

        Assert.True(await leases.TryHoldAsync("audit-lines:slack", "a", TimeSpan.FromSeconds(15), None));
        Assert.False(await leases.TryHoldAsync("audit-lines:slack", "b", TimeSpan.FromSeconds(15), None));
        time.Now += TimeSpan.FromSeconds(16);
        Assert.True(await leases.TryHoldAsync("audit-lines:slack", "b", TimeSpan.FromSeconds(15), None));
        Assert.False(await leases.TryHoldAsync("audit-lines:slack", "a", TimeSpan.FromSeconds(15), None));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

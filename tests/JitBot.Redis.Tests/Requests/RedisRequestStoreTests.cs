using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using JitBot.Core.Requests;
using JitBot.Redis.Requests;
using JitBot.Redis.Tests.Infrastructure;
using JitBot.Testing.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Tests.Requests;

[NeedsRedis]
public sealed class RedisRequestStoreTests : RequestStoreContract, IAsyncLifetime
{
    private readonly string prefix = TestServers.UniquePrefix(nameof(RedisRequestStoreTests));
    private IDatabase database = null!;
    private RedisRequestStore store = null!;

    protected override IRequestStore Store => store;

    public async Task InitializeAsync()
    {
        var connection = await TestRedis.ConnectAsync();
        database = connection.GetDatabase();
        store = Create(connection, prefix);
    }

    public Task DisposeAsync() => TestRedis.DeleteAsync(prefix);

    [RedisFact]
    public async Task Numbers_count_up_from_the_shared_sequence_key()
    {
        await database.StringSetAsync(prefix + "seq:request", 1041);

        Assert.Equal(1042, await store.NextNumberAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task A_request_is_a_hash_of_version_and_json_indexed_by_requester_and_status()
    {
        await store.CreateAsync(Some.FullRequest("JIT-7") with { Version = 42 }, CancellationToken.None);

        var hash = (await database.HashGetAllAsync(prefix + "req:JIT-7")).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        Assert.Equal("1", hash["v"]);
        using var json = JsonDocument.Parse(hash["d"]);
        Assert.False(json.RootElement.TryGetProperty("version", out _));
        Assert.Equal("Revoked", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Early", json.RootElement.GetProperty("revocationKind").GetString());
        Assert.Equal("Slack", json.RootElement.GetProperty("requester").GetProperty("platform").GetString());
        Assert.True(await database.SetContainsAsync(prefix + "by-requester:alice@example.com", "JIT-7"));
        Assert.True(await database.SetContainsAsync(prefix + "status:Revoked", "JIT-7"));
    }

    [RedisFact]
    public async Task The_version_comes_from_the_hash_not_from_the_json()
    {
        await store.CreateAsync(Some.Request("JIT-8"), CancellationToken.None);
        var d = (await database.HashGetAsync(prefix + "req:JIT-8", "d")).ToString();
        await database.HashSetAsync(prefix + "req:JIT-8", "d", d.Insert(1, "\"version\":99,"));

        var stored = await store.GetAsync("JIT-8", CancellationToken.None);
        var current = (await database.HashGetAsync(prefix + "req:JIT-8", "d")).ToString();

        Assert.Contains("\"version\":99", current, StringComparison.Ordinal);
        Assert.Equal(1, stored!.Version);
    }

    [RedisFact]
    public async Task Ping_is_false_not_an_exception_when_redis_is_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{closedPort},abortConnect=false,connectTimeout=500");
        var stopwatch = Stopwatch.StartNew();

        var answered = await Create(unreachable, prefix).PingAsync(CancellationToken.None);

        Assert.False(answered);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static RedisRequestStore Create(IConnectionMultiplexer connection, string prefix) =>
        new(connection, Options.Create(new RedisOptions { Prefix = prefix }), NullLogger<RedisRequestStore>.Instance);
}

using System.Net;
using System.Net.Sockets;
using JitBot.Core.Audit;
using JitBot.Core.Requests;
using JitBot.Redis.Audit;
using JitBot.Redis.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Tests;

public sealed class StoreServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_a_connection_string_the_store_is_embedded_and_says_so()
    {
        var services = new ServiceCollection().AddLogging();

        var description = services.AddJitBotStore(Configuration());

        Assert.False(description.IsDurable);
        Assert.Equal("embedded in-memory store: Redis:ConnectionString is empty; not durable, single process", description.Text);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryRequestStore>(provider.GetRequiredService<IRequestStore>());
        Assert.Same(provider.GetRequiredService<IAuditLog>(), provider.GetRequiredService<IAuditChainVerifier>());
        Assert.IsType<InMemoryAuditLog>(provider.GetRequiredService<IAuditLog>());
        Assert.Same(description, provider.GetRequiredService<StoreDescription>());
        Assert.Null(provider.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public void With_a_connection_string_the_description_names_host_and_prefix_but_never_the_password()
    {
        var services = new ServiceCollection().AddLogging();

        var description = services.AddJitBotStore(Configuration(
            ("Redis:ConnectionString", "127.0.0.1:6390,password=s3cret-pass,abortConnect=true"), ("Redis:Prefix", "bot2:")));

        Assert.True(description.IsDurable);
        Assert.Equal("redis at 127.0.0.1:6390 (prefix bot2:)", description.Text);
        Assert.DoesNotContain("s3cret", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_a_port_is_described_with_the_default_port()
    {
        var description = new ServiceCollection().AddJitBotStore(Configuration(("Redis:ConnectionString", "localhost")));

        Assert.Equal("redis at localhost:6379 (prefix jitbot:)", description.Text);
    }

    [Fact]
    public async Task Start_up_survives_a_redis_that_is_down_and_readiness_reports_it()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddJitBotStore(Configuration(("Redis:ConnectionString", $"127.0.0.1:{ClosedPort()},connectTimeout=300,abortConnect=true")));
        await using var provider = services.BuildServiceProvider();

        var connection = provider.GetRequiredService<IConnectionMultiplexer>();
        var store = provider.GetRequiredService<IRequestStore>();

        Assert.False(connection.IsConnected);
        Assert.IsType<RedisRequestStore>(store);
        Assert.Same(store, provider.GetRequiredService<RedisRequestStore>());
        Assert.IsType<RedisAuditLog>(provider.GetRequiredService<IAuditLog>());
        Assert.False(await store.PingAsync(CancellationToken.None));
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_stops_start_up_naming_the_key_not_the_value()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<OptionsValidationException>(() =>
            services.AddJitBotStore(Configuration(("Redis:ConnectionString", "127.0.0.1:6379,password=s3cret,connectTimeout=soon"))));

        Assert.Contains("Redis:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_prefix_fails_validation_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddJitBotStore(Configuration(("Redis:Prefix", " ")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains("Redis:Prefix", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

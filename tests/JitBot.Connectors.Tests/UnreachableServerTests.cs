using JitBot.Core.Grants;

namespace JitBot.Connectors.Tests;

/// <summary>A server that does not answer: the call fails with a message naming the connector, never a secret.</summary>
public sealed class UnreachableServerTests
{
    private const string Password = "admin-password-never-shown";

    [Fact]
    public async Task A_postgres_grant_to_a_closed_port_fails_without_showing_the_password()
    {
        var logs = new CapturingLoggerProvider();
        using var services = TestConnectors.Build(
            TestConnectors.Configuration(PostgresConfigurationTests.Postgres("credentials", $"Host=127.0.0.1;Port=1;Username=jitbot;Password={Password};Timeout=2")), logs: logs);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => services.Registry().Get("orders").GrantAsync(TestConnectors.Grant(), CancellationToken.None));

        Assert.StartsWith("Postgres connector 'orders': grant for JIT-1042 failed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, string.Join('\n', logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_acl_grant_to_a_closed_port_fails_without_showing_the_password()
    {
        var logs = new CapturingLoggerProvider();
        using var services = TestConnectors.Build(TestConnectors.Configuration(
            ("Connectors:cache:Type", "redis-acl"),
            ("Connectors:cache:ConnectionString", $"127.0.0.1:1,password={Password},connectTimeout=1000"),
            ("Connectors:cache:Roles:readonly", "~cache:* +@read")), logs: logs);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => services.Registry().Get("cache").GrantAsync(TestConnectors.Grant(), CancellationToken.None));

        Assert.StartsWith("Redis ACL connector 'cache': grant for JIT-1042: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, string.Join('\n', logs.Lines), StringComparison.Ordinal);
    }
}

namespace JitBot.Connectors.Tests;

public sealed class ConnectionUrisTests
{
    [Fact]
    public void A_postgres_connection_string_percent_encodes_user_password_and_database()
    {
        var uri = ConnectionUris.Postgres("jit_o\"brien_5", "p@ss:w/rd", "db.example.com", 5432, "pay ments");

        Assert.Equal("postgresql://jit_o%22brien_5:p%40ss%3Aw%2Frd@db.example.com:5432/pay%20ments", uri);
    }

    [Fact]
    public void A_redis_connection_string_names_user_password_host_and_port()
    {
        Assert.Equal("redis://jit-alice-12:Abc123@cache.internal:6379", ConnectionUris.Redis("jit-alice-12", "Abc123", "cache.internal", 6379));
    }

    [Fact]
    public void An_ipv6_host_is_bracketed()
    {
        Assert.Equal("redis://u:p@[::1]:6390", ConnectionUris.Redis("u", "p", "::1", 6390));
    }
}

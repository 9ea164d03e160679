using Microsoft.Extensions.DependencyInjection;

namespace JitBot.Connectors.Tests;

public sealed class ConnectorConfigurationTests
{
    [Fact]
    public void An_unknown_type_names_the_key()
    {
        var error = Fails(("Connectors:payments-db:Type", "ftp"), ("Connectors:payments-db:Url", "https://hooks.example.com/jit"));

        Assert.Equal("Connectors:payments-db:Type: unknown connector type 'ftp' (known types: webhook, postgres, redis-acl)", error.Message);
    }

    [Fact]
    public void A_missing_type_names_the_key()
    {
        var error = Fails(("Connectors:payments-db:Url", "https://hooks.example.com/jit"));

        Assert.Equal("Connectors:payments-db:Type is required (known types: webhook, postgres, redis-acl)", error.Message);
    }

    [Fact]
    public void A_missing_url_names_the_key()
    {
        var error = Fails(("Connectors:payments-db:Type", "webhook"), ("Connectors:payments-db:Secret", TestConnectors.Secret));

        Assert.Equal("Connectors:payments-db:Url is required", error.Message);
    }

    [Fact]
    public void Http_to_a_host_that_is_not_loopback_names_the_key()
    {
        var error = Fails(TestConnectors.Webhook("payments-db", "http://10.0.0.5/x"));

        Assert.Equal("Connectors:payments-db:Url: http://10.0.0.5/x must be https:// (http:// only for loopback)", error.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.example.com/hook")]
    public void A_url_that_is_not_absolute_http_names_the_key(string url)
    {
        var error = Fails(TestConnectors.Webhook("payments-db", url));

        Assert.StartsWith("Connectors:payments-db:Url: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_url_message_hides_a_password_in_it()
    {
        var error = Fails(TestConnectors.Webhook("payments-db", "http://jit:hunter2@10.0.0.5/x"));

        Assert.Equal("Connectors:payments-db:Url: http://***@10.0.0.5/x must be https:// (http:// only for loopback)", error.Message);
    }

    [Theory]
    [InlineData("https://hooks.example.com/jit")]
    [InlineData("http://127.0.0.1:8080/jit")]
    [InlineData("http://localhost:8080/jit")]
    [InlineData("http://[::1]:8080/jit")]
    public void Https_or_http_to_loopback_is_accepted(string url)
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(TestConnectors.Webhook("payments-db", url)));

        Assert.NotNull(services.Registry().Get("payments-db"));
    }

    [Fact]
    public void A_missing_secret_names_the_key()
    {
        var error = Fails(("Connectors:payments-db:Type", "webhook"), ("Connectors:payments-db:Url", "https://hooks.example.com/jit"));

        Assert.Equal("Connectors:payments-db:Secret is required", error.Message);
    }

    [Fact]
    public void A_timeout_that_does_not_parse_names_the_key_and_not_the_secret()
    {
        var error = Fails(TestConnectors.Webhook("payments-db", "https://hooks.example.com/jit", timeout: "10 seconds"));

        Assert.Equal(
            "Connectors:payments-db:Timeout: '10 seconds' is not a duration (a number and a unit: 90s, 15m, 2h, 1d)", error.Message);
        Assert.DoesNotContain(TestConnectors.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_rather_than_ignored()
    {
        var error = Fails([.. TestConnectors.Webhook("payments-db", "https://hooks.example.com/jit"), ("Connectors:payments-db:Timout", "30s")]);

        Assert.StartsWith("Connectors:payments-db:Timout: unknown key for a connector of type webhook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_registered_clock_is_kept()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var services = TestConnectors.Build(TestConnectors.Configuration(), clock);

        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void The_system_clock_is_registered_when_none_is()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration());

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    private static ConnectorConfigurationException Fails(params (string Key, string? Value)[] settings) =>
        Assert.Throws<ConnectorConfigurationException>(() => new ServiceCollection().AddConnectors(TestConnectors.Configuration(settings)));
}

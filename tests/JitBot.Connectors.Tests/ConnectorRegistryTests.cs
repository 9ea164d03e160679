namespace JitBot.Connectors.Tests;

public sealed class ConnectorRegistryTests
{
    [Fact]
    public void Names_are_the_configured_connectors()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(
        [
            .. TestConnectors.Webhook("payments-db", "https://hooks.example.com/payments"),
            .. TestConnectors.Webhook("orders-cache", "https://hooks.example.com/orders"),
        ]));

        Assert.Equal(["orders-cache", "payments-db"], services.Registry().Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_connectors_section_means_no_connectors()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration());

        Assert.Empty(services.Registry().Names);
    }

    [Fact]
    public void Names_compare_like_configuration_keys()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(TestConnectors.Webhook("payments-db", "https://hooks.example.com/p")));

        Assert.Contains("Payments-DB", services.Registry().Names);
        Assert.Same(services.Registry().Get("payments-db"), services.Registry().Get("PAYMENTS-DB"));
    }

    [Fact]
    public void Getting_an_unknown_name_says_which_names_exist()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(TestConnectors.Webhook("payments-db", "https://hooks.example.com/p")));

        var error = Assert.Throws<KeyNotFoundException>(() => services.Registry().Get("billing"));

        Assert.Equal("No connector named 'billing' is configured under Connectors: (configured: payments-db)", error.Message);
    }
}

using JitBot.Connectors.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.Connectors.Tests;

public sealed class PostgresConfigurationTests
{
    private const string Password = "pg-bot-password-do-not-show";
    private const string ConnectionString = $"Host=db.internal;Port=5433;Database=payments;Username=jitbot;Password={Password}";

    [Fact]
    public void A_missing_connection_string_names_the_key()
    {
        var error = Fails(("Connectors:orders:Type", "postgres"), ("Connectors:orders:Mode", "membership"));

        Assert.Equal("Connectors:orders:ConnectionString is required", error.Message);
    }

    [Fact]
    public void The_mode_is_required()
    {
        var error = Fails(("Connectors:orders:Type", "postgres"), ("Connectors:orders:ConnectionString", ConnectionString));

        Assert.Equal("Connectors:orders:Mode is required (one of: membership, credentials)", error.Message);
    }

    [Fact]
    public void An_unknown_mode_names_the_key()
    {
        var error = Fails(Postgres("grants"));

        Assert.Equal("Connectors:orders:Mode: 'grants' is not one of: membership, credentials", error.Message);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_names_the_key_and_not_its_text()
    {
        var error = Fails(("Connectors:orders:Type", "postgres"), ("Connectors:orders:Mode", "membership"), ("Connectors:orders:ConnectionString", $"Hots=db;Password={Password}"));

        Assert.StartsWith("Connectors:orders:ConnectionString: not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_role_too_long_for_postgres_names_its_key()
    {
        var error = Fails([.. Postgres("membership"), ("Connectors:orders:Roles:readonly", new string('r', 64))]);

        Assert.Equal($"Connectors:orders:Roles:readonly: '{new string('r', 64)}' is longer than 63 bytes", error.Message);
    }

    [Fact]
    public void A_bad_public_port_names_the_key()
    {
        var error = Fails([.. Postgres("credentials"), ("Connectors:orders:PublicPort", "70000")]);

        Assert.Equal("Connectors:orders:PublicPort: '70000' is not a port (1-65535)", error.Message);
    }

    [Fact]
    public void Credentials_over_a_unix_socket_need_a_public_host()
    {
        var error = Fails(("Connectors:orders:Type", "postgres"), ("Connectors:orders:Mode", "credentials"), ("Connectors:orders:ConnectionString", "Host=/var/run/postgresql;Username=jitbot"));

        Assert.StartsWith("Connectors:orders:PublicHost is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_error()
    {
        var error = Fails([.. Postgres("membership"), ("Connectors:orders:Role:readonly", "reader")]);

        Assert.StartsWith("Connectors:orders:Role: unknown key for a connector of type postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_come_from_the_connection_string_and_the_policy_role_and_email()
    {
        var options = PostgresOptions.Read(TestConnectors.Configuration([.. Postgres("credentials"), ("Connectors:orders:Roles:admin", "payments_admin"), ("Connectors:orders:Users:Alice@Example.com", "asmith")]).GetSection("Connectors:orders"));

        Assert.Equal(("db.internal", 5433, "payments"), (options.PublicHost, options.PublicPort, options.Database));
        Assert.Equal(("readonly", "payments_admin"), (options.DatabaseRole("readonly"), options.DatabaseRole("admin")));
        Assert.Equal(("asmith", "bob_jones"), (options.DatabaseUser("alice@example.com"), options.DatabaseUser("Bob.Jones@example.com")));
    }

    [Fact]
    public void The_options_never_print_the_connection_string()
    {
        var options = PostgresOptions.Read(TestConnectors.Configuration(Postgres("membership")).GetSection("Connectors:orders"));

        Assert.DoesNotContain(Password, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ConnectionString = ***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_connects_at_start_up()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(Postgres("membership")));

        Assert.NotNull(services.Registry().Get("orders"));
    }

    internal static (string Key, string? Value)[] Postgres(string mode, string connectionString = ConnectionString) =>
    [
        ("Connectors:orders:Type", "postgres"),
        ("Connectors:orders:ConnectionString", connectionString),
        ("Connectors:orders:Mode", mode),
    ];

    private static ConnectorConfigurationException Fails(params (string Key, string? Value)[] settings) =>
        Assert.Throws<ConnectorConfigurationException>(() => new ServiceCollection().AddConnectors(TestConnectors.Configuration(settings)));
}

using JitBot.Connectors.RedisAcl;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.Connectors.Tests;

public sealed class RedisAclConfigurationTests
{
    private const string Password = "redis-admin-password-do-not-show";

    [Fact]
    public void A_missing_connection_string_names_the_key()
    {
        var error = Fails(("Connectors:cache:Type", "redis-acl"), ("Connectors:cache:Roles:reader", "~cache:* +@read"));

        Assert.Equal("Connectors:cache:ConnectionString is required", error.Message);
    }

    [Theory]
    [InlineData("~* +@all nopass", "may not contain 'nopass' (the bot sets the password and the on/off state itself)")]
    [InlineData("~* +@all >hunter2", "may not contain '>…' (the bot sets the password and the on/off state itself)")]
    [InlineData("~* on", "may not contain 'on' (the bot sets the password and the on/off state itself)")]
    [InlineData("~* (+get nopass)", "may not contain 'nopass' (the bot sets the password and the on/off state itself)")]
    [InlineData("~* (+get", "has a '(' without its ')'")]
    public void Rules_that_touch_the_password_or_state_are_refused_naming_the_key(string rules, string problem)
    {
        var error = Fails(Redis(("Connectors:cache:Roles:reader", rules)));

        Assert.Equal($"Connectors:cache:Roles:reader: the ACL rules {problem}", error.Message);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_rule_set_names_the_key()
    {
        var error = Fails(Redis(("Connectors:cache:Roles:reader", "")));

        Assert.Equal("Connectors:cache:Roles:reader: a value is required", error.Message);
    }

    [Fact]
    public void Rules_split_on_spaces_and_a_selector_stays_one_argument()
    {
        var (rules, problem) = RedisAclRules.Parse("  ~cache:*  +@read (~audit:* +get) -keys ");

        Assert.Null(problem);
        Assert.Equal(["~cache:*", "+@read", "(~audit:* +get)", "-keys"], rules);
    }

    [Fact]
    public void Public_host_and_port_default_to_the_first_endpoint()
    {
        var options = Read(Redis());

        Assert.Equal(("cache.internal", 6390), (options.PublicHost, options.PublicPort));
        Assert.Null(options.RoleProblem("reader"));
        Assert.Equal("Connectors:cache:Roles:admin is missing: a redis-acl connector needs the ACL rules of every policy role", options.RoleProblem("admin"));
    }

    [Fact]
    public void The_options_never_print_the_connection_string()
    {
        var text = Read(Redis()).ToString();

        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Contains("ConnectionString = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_connects_at_start_up()
    {
        using var services = TestConnectors.Build(TestConnectors.Configuration(Redis()));

        Assert.NotNull(services.Registry().Get("cache"));
    }

    internal static (string Key, string? Value)[] Redis(params (string Key, string? Value)[] extra) =>
    [
        ("Connectors:cache:Type", "redis-acl"),
        ("Connectors:cache:ConnectionString", $"cache.internal:6390,user=jitbot,password={Password}"),
        .. extra.Length == 0 ? [("Connectors:cache:Roles:reader", "~cache:* +@read")] : extra,
    ];

    private static RedisAclOptions Read((string Key, string? Value)[] settings) =>
        RedisAclOptions.Read(TestConnectors.Configuration(settings).GetSection("Connectors:cache"));

    private static ConnectorConfigurationException Fails(params (string Key, string? Value)[] settings) =>
        Assert.Throws<ConnectorConfigurationException>(() => new ServiceCollection().AddConnectors(TestConnectors.Configuration(settings)));
}

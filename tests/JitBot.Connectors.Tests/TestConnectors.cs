using JitBot.Core.Grants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.Connectors.Tests;

/// <summary>Builds the connectors the way the host does: configuration → <c>AddConnectors</c> → a service provider.</summary>
internal static class TestConnectors
{
    public const string Secret = "whsec-7f3a9c1e5b-do-not-log";

    public static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value)))
            .Build();

    public static (string Key, string? Value)[] Webhook(string name, string url, string? timeout = null) =>
    [
        ($"Connectors:{name}:Type", "webhook"),
        ($"Connectors:{name}:Url", url),
        ($"Connectors:{name}:Secret", Secret),
        ($"Connectors:{name}:Timeout", timeout),
    ];

    public static ServiceProvider Build(IConfiguration configuration, TimeProvider? clock = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddConnectors(configuration);
        return services.BuildServiceProvider();
    }

    public static IConnectorRegistry Registry(this IServiceProvider services) => services.GetRequiredService<IConnectorRegistry>();

    public static GrantContext Grant(string requestId = "JIT-1042", string? teamsUserId = null) => new(
        requestId,
        long.Parse(requestId.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture),
        "payments-db",
        "readonly",
        "alice@example.com",
        "U0ALICE",
        teamsUserId,
        "INC-4312 replication lag",
        ["bob@example.com"],
        new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
}

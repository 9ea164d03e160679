using System.Net;
using JitBot.Core.Audit;
using JitBot.Core.Chat;
using JitBot.Redis.Chat;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using JitBot.Redis.Audit;
using JitBot.Redis.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRequestStore"/>, <see cref="IAuditLog"/> and <see cref="IAuditChainVerifier"/>: on Redis
    /// when <c>Redis:ConnectionString</c> is set (with one shared <see cref="IConnectionMultiplexer"/>, also for
    /// Hangfire), else the embedded in-memory twins. Returns (and registers) what was chosen, for the start-up log.
    /// A connection string that does not parse stops start-up here, naming the key, never its value.
    /// </summary>
    public static StoreDescription AddJitBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RedisOptions.SectionName);
        var settings = section.Get<RedisOptions>() ?? new RedisOptions();
        services.AddOptions<RedisOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Prefix), $"{RedisOptions.SectionName}:Prefix must not be empty.")
            .ValidateOnStart();

        var description = settings.IsEmbedded ? AddEmbedded(services) : AddRedis(services, settings);
        services.AddSingleton(description);
        return description;
    }

    private static StoreDescription AddEmbedded(IServiceCollection services)
    {
        services.AddSingleton<InMemoryRequestStore>();
        services.AddSingleton<InMemoryAuditLog>();
        services.AddSingleton<IRequestStore>(sp => sp.GetRequiredService<InMemoryRequestStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
        services.AddSingleton<IAuditChainVerifier>(sp => sp.GetRequiredService<InMemoryAuditLog>());
        services.AddSingleton<IPlatformStateStore, InMemoryPlatformStateStore>();
        services.AddSingleton<ILeases>(sp => new InMemoryLeases(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return new StoreDescription(
            false,
            $"embedded in-memory store: {RedisOptions.SectionName}:ConnectionString is empty; not durable, single process");
    }

    private static StoreDescription AddRedis(IServiceCollection services, RedisOptions settings)
    {
        var configuration = Parse(settings.ConnectionString);
        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(configuration, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new RedisRequestStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IOptions<RedisOptions>>(),
            sp.GetRequiredService<ILogger<RedisRequestStore>>()));
        services.AddSingleton(sp => new RedisAuditLog(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IOptions<RedisOptions>>(),
            sp.GetRequiredService<ILogger<RedisAuditLog>>()));
        services.AddSingleton<IRequestStore>(sp => sp.GetRequiredService<RedisRequestStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<RedisAuditLog>());
        services.AddSingleton<IAuditChainVerifier>(sp => sp.GetRequiredService<RedisAuditLog>());
        services.AddSingleton<IPlatformStateStore, RedisPlatformStateStore>();
        services.AddSingleton<ILeases, RedisLeases>();
        var defaultPort = configuration.Ssl ? 6380 : 6379;
        var endpoints = string.Join(", ", configuration.EndPoints.Select(e => Describe(e, defaultPort)));
        return new StoreDescription(true, $"redis at {endpoints} (prefix {settings.Prefix})");
    }

    private static ConfigurationOptions Parse(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            // The message names the key only: the value may hold a password.
            throw new OptionsValidationException(
                RedisOptions.SectionName,
                typeof(RedisOptions),
                [$"{RedisOptions.SectionName}:ConnectionString is not a valid StackExchange.Redis configuration string ({exception.Message})."]);
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new OptionsValidationException(
                RedisOptions.SectionName,
                typeof(RedisOptions),
                [$"{RedisOptions.SectionName}:ConnectionString names no host (expected e.g. 127.0.0.1:6379)."]);
        }

        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "jitbot";
        return configuration;
    }

    private static ConnectionMultiplexer Connect(ConfigurationOptions configuration, ILoggerFactory loggerFactory)
    {
        configuration.LoggerFactory ??= loggerFactory;
        return ConnectionMultiplexer.Connect(configuration);
    }

    private static string Describe(EndPoint endPoint, int defaultPort) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{(dns.Port == 0 ? defaultPort : dns.Port)}",
        IPEndPoint ip => new IPEndPoint(ip.Address, ip.Port == 0 ? defaultPort : ip.Port).ToString(),
        _ => endPoint.ToString() ?? "?",
    };
}

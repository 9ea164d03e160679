using Hangfire;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using JitBot.Core.Scheduling;
using JitBot.Hangfire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace JitBot.Hangfire;

public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Durable background work on Hangfire: on Redis when an <see cref="IConnectionMultiplexer"/> is registered,
    /// else on Hangfire.InMemory (embedded mode).
    /// </summary>
    public static IServiceCollection AddJitBotScheduling(this IServiceCollection services, SchedulingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<JobStorage>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisStorage(redis, new RedisStorageOptions
            {
                Prefix = options.Prefix,
                InvisibilityTimeout = TimeSpan.FromMinutes(15),
                FetchTimeout = TimeSpan.FromSeconds(5),
            })
            : new InMemoryStorage());
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IWorkScheduler, HangfireWorkScheduler>();
        services.AddTransient<JitJobs>();
        services.AddHostedService<JobServerHostedService>();
        services.AddHostedService<BackgroundLoopsHostedService>();
        return services;
    }
}

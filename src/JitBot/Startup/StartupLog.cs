using JitBot.Core.Chat;
using JitBot.Core.Policies;
using JitBot.Redis;

namespace JitBot.Startup;

/// <summary>What the bot says when it starts: platforms, store, policies.</summary>
internal static partial class StartupLog
{
    public static void LogStartup(this WebApplication app, StoreDescription store)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("JitBot");
        var platforms = app.Services.GetServices<IChatPlatform>().Select(p => p.Platform).ToList();
        LogPlatforms(logger, platforms.Count == 0 ? "none (set Slack:SigningSecret and Slack:BotToken to enable Slack)" : string.Join(", ", platforms));
        if (store.IsDurable)
        {
            LogStore(logger, store.Text);
        }
        else
        {
            LogEmbeddedStore(logger, store.Text);
        }

        var loaded = app.Services.GetRequiredService<IPolicyProvider>().Current;
        if (loaded.Files.Count == 0)
        {
            LogNoPolicies(logger);
        }
        else
        {
            var files = string.Join(", ", loaded.Files.Select(Path.GetFileName));
            LogPolicies(logger, loaded.Files.Count, files, loaded.Resources.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat platforms enabled: {Platforms}")]
    private static partial void LogPlatforms(ILogger logger, string platforms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Store}")]
    private static partial void LogStore(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store: {Store}")]
    private static partial void LogEmbeddedStore(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No policy files loaded: nobody can request anything (Policies:Path)")]
    private static partial void LogNoPolicies(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} policy file(s): {Files} ({Resources} resources)")]
    private static partial void LogPolicies(ILogger logger, int count, string files, int resources);
}

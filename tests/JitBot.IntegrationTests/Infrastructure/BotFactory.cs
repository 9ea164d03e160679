using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>The real host, configured only through its configuration keys, with its logs captured.</summary>
internal sealed class BotFactory(IReadOnlyDictionary<string, string?> settings, LogCapture logs, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (clock != TimeProvider.System)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}

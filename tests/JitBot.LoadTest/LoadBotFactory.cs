using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace JitBot.LoadTest;

/// <summary>The real host, configured only through its configuration keys, logging warnings and errors only.</summary>
internal sealed class LoadBotFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("LoadTest");

        // WebApplicationFactory looks for its manifest in the current directory, which `dotnet run` leaves at the
        // caller's; the output folder (no appsettings.json in it) keeps the host's configuration to the keys above.
        builder.UseContentRoot(AppContext.BaseDirectory);

        // A configured "Logging:LogLevel:Default" would win over SetMinimumLevel, so both are set.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

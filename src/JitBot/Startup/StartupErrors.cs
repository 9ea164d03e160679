using JitBot.Connectors;
using Microsoft.Extensions.Options;

namespace JitBot.Startup;

/// <summary>Tells configuration mistakes (shown as one clear message) from bugs (which keep their stack trace).</summary>
internal static class StartupErrors
{
    public static bool IsConfigurationError(Exception e) =>
        e is StartupException or ConnectorConfigurationException or OptionsValidationException
        || e.InnerException is not null && IsConfigurationError(e.InnerException);

    public static string Message(Exception e) => e switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        StartupException or ConnectorConfigurationException => e.Message,
        _ => e.InnerException is null ? e.Message : Message(e.InnerException),
    };
}

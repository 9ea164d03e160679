using JitBot.Core.Policies;

namespace JitBot.Startup;

internal static class PolicyFiles
{
    /// <summary>Loads <c>Policies:Path</c>; any problem stops start-up naming file and line.</summary>
    public static StaticPolicyProvider Load(JitBotSettings settings, IConfiguration configuration)
    {
        var connectors = configuration.GetSection("Connectors").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var result = PolicyLoader.LoadFolder(settings.PoliciesPath, settings.Jit.MaxDuration, connectors);
        if (!result.IsValid)
        {
            throw new StartupException("policy problems:\n" + string.Join('\n', result.Problems));
        }

        return new StaticPolicyProvider(result.Policies);
    }
}

using JitBot.Connectors;
using JitBot.Core.Policies;

namespace JitBot.Startup;

internal static class PolicyFiles
{
    /// <summary>
    /// Loads <c>Policies:Path</c> now (any problem stops start-up naming file and line) and keeps it in force,
    /// reloaded when the files change.
    /// </summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services, JitBotSettings settings, IConfiguration configuration)
    {
        var connectors = ConnectorPolicyCheck.Names(configuration);
        var result = ConnectorPolicyCheck.Apply(PolicyLoader.LoadFolder(settings.PoliciesPath, settings.Jit.MaxDuration, connectors), configuration);
        if (!result.IsValid)
        {
            throw new StartupException("policy problems:\n" + string.Join('\n', result.Problems));
        }

        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReloadingPolicyProvider>(sp, result.Policies, settings, connectors, configuration));
        services.AddSingleton<IPolicyProvider>(sp => sp.GetRequiredService<ReloadingPolicyProvider>());
        services.AddHostedService(sp => sp.GetRequiredService<ReloadingPolicyProvider>());
        return services;
    }
}

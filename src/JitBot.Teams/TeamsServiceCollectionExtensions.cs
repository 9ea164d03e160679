using JitBot.Core.Chat;
using JitBot.Teams.Api;
using JitBot.Teams.Chat;
using JitBot.Teams.Configuration;
using JitBot.Teams.Endpoints;
using JitBot.Teams.Endpoints.Actions;
using JitBot.Teams.People;
using JitBot.Teams.Security;
using JitBot.Teams.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JitBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> (always, so a bad URL key stops start-up) and, when Teams is
    /// enabled (<c>Teams:AppId</c> and <c>Teams:AppPassword</c>), registers the inbound token validator, the
    /// outbound token and connector clients, the directory, the endpoint's handlers and an additional
    /// <see cref="IChatPlatform"/>. Needs an <see cref="IPlatformStateStore"/> (the store registers one).
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.AddOptions<TeamsAuditOptions>().Bind(configuration.GetSection(TeamsAuditOptions.SectionName));
        if (!configuration.IsTeamsEnabled())
        {
            return services;
        }

        AddHttp(services.AddHttpClient(BotFrameworkKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10)));
        AddHttp(services.AddHttpClient(BotTokenProvider.HttpClientName, client => client.Timeout = ApiTimeout));
        AddHttp(services.AddHttpClient<BotConnectorClient>(client => client.Timeout = ApiTimeout));

        services.TryAddSingleton<TeamsHttpSender>();
        services.TryAddSingleton<BotFrameworkKeySource>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<TeamsState>();
        services.TryAddSingleton<TeamsDirectory>();
        services.TryAddSingleton<TeamsApprovalCards>();
        services.TryAddSingleton<TeamsChatPlatform>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, TeamsChatPlatform>(p => p.GetRequiredService<TeamsChatPlatform>()));

        services.TryAddTransient<TeamsMessagesEndpoint>();
        services.TryAddTransient<TeamsMessageHandler>();
        services.TryAddTransient<TeamsCardActionDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITeamsCardAction, ApproveCardAction>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITeamsCardAction, DenyCardAction>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITeamsCardAction, RefreshCardAction>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITeamsCardAction, ExtendCardAction>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITeamsCardAction, RequestFormAction>());
        return services;
    }

    /// <summary>True when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are both set.</summary>
    public static bool IsTeamsEnabled(this IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.SectionName);
        return new TeamsOptions { AppId = section["AppId"] ?? "", AppPassword = section["AppPassword"] ?? "" }.IsEnabled;
    }

    private static void AddHttp(IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}

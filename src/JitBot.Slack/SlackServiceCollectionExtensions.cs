using JitBot.Core.Chat;
using JitBot.Core.Policies;
using JitBot.Slack.Api;
using JitBot.Slack.Chat;
using JitBot.Slack.Configuration;
using JitBot.Slack.Endpoints;
using JitBot.Slack.Endpoints.Actions;
using JitBot.Slack.Endpoints.Views;
using JitBot.Slack.Modals;
using JitBot.Slack.People;
using JitBot.Slack.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JitBot.Slack;

public static class SlackServiceCollectionExtensions
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Binds and validates <see cref="SlackOptions"/> (always, so a bad <c>Slack:ApiBaseUrl</c> stops start-up) and,
    /// when Slack is enabled, registers the Web API client, the directory, the signature check, the endpoints', buttons'
    /// and modals' handlers, an additional <see cref="IChatPlatform"/> and the <c>slack-usergroup:</c>
    /// <see cref="IPrincipalSource"/>. Whether Slack is on: <see cref="SlackOptions.IsEnabled"/>
    /// (<c>IOptions&lt;SlackOptions&gt;</c>), or <see cref="IsSlackEnabled"/> on the configuration.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.AddOptions<SlackAuditOptions>().Bind(configuration.GetSection(SlackAuditOptions.SectionName));
        if (!configuration.IsSlackEnabled())
        {
            return services;
        }

        services.AddHttpClient<SlackApiClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUri;
                client.Timeout = ApiTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackDirectory>();
        services.TryAddSingleton<SlackChatPlatform>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, SlackChatPlatform>(p => p.GetRequiredService<SlackChatPlatform>()));

        services.TryAddSingleton<SlackUsergroupSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPrincipalSource, SlackUsergroupSource>(p => p.GetRequiredService<SlackUsergroupSource>()));

        services.TryAddTransient<SlackRequestReader>();
        services.TryAddTransient<SlackCommandEndpoint>();
        services.TryAddTransient<SlackInteractionEndpoint>();
        services.TryAddTransient<SlackEventsEndpoint>();
        services.TryAddTransient<RequestFormOpener>();
        services.TryAddTransient<BlockActionRouter>();
        services.TryAddTransient<ViewSubmissionRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISlackActionHandler, ApproveButtonHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISlackActionHandler, DenyButtonHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISlackActionHandler, ExtendButtonHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISlackViewHandler, DenyReasonSubmitHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISlackViewHandler, RequestFormSubmitHandler>());
        return services;
    }

    /// <summary>True when <c>Slack:SigningSecret</c> and <c>Slack:BotToken</c> are both set.</summary>
    public static bool IsSlackEnabled(this IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        return new SlackOptions { SigningSecret = section["SigningSecret"] ?? "", BotToken = section["BotToken"] ?? "" }.IsEnabled;
    }
}

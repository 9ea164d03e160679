using JitBot.Connectors.Oncall;
using JitBot.Connectors.Webhook;
using JitBot.Core.Policies;
using JitBot.Core.Grants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JitBot.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connectors configured under <c>Connectors:</c> as <see cref="IConnectorRegistry"/>, and the
    /// <c>oncall:</c> approver lookup when <c>Oncall:Url</c> is set.
    /// The configuration is validated here, before the host starts.
    /// </summary>
    /// <exception cref="ConnectorConfigurationException">An unknown type, a missing key, a bad URL or duration; the message names the key.</exception>
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        var definitions = ConnectorsConfiguration.Read(configuration);

        services.TryAddSingleton(TimeProvider.System);
        WebhookConnector.AddHttpClient(services);
        services.AddSingleton<IConnectorRegistry>(provider => new ConnectorRegistry(
            definitions.Select(definition => KeyValuePair.Create(definition.Name, definition.Create(provider)))));
        if (OncallOptions.Read(configuration) is { } oncall)
        {
            services.AddHttpClient(HttpOncallSource.ClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
            services.AddSingleton<IPrincipalSource>(provider => new HttpOncallSource(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpOncallSource.ClientName), oncall, provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}

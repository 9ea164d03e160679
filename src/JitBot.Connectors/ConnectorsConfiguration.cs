using JitBot.Connectors.Postgres;
using JitBot.Connectors.RedisAcl;
using JitBot.Connectors.Webhook;
using Microsoft.Extensions.Configuration;

namespace JitBot.Connectors;

/// <summary>Reads the <c>Connectors:</c> section into validated definitions, one per configured name.</summary>
internal static class ConnectorsConfiguration
{
    public const string SectionName = "Connectors";

    /// <summary>The connector types this build knows; each maps to a folder of this project.</summary>
    public static readonly IReadOnlyList<string> KnownTypes = [WebhookOptions.TypeName, PostgresOptions.TypeName, RedisAclOptions.TypeName];

    public static IReadOnlyList<ConnectorDefinition> Read(IConfiguration configuration)
    {
        var definitions = new List<ConnectorDefinition>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            definitions.Add(ReadOne(section));
        }

        return definitions;
    }

    public static ConnectorDefinition ReadOne(IConfigurationSection section)
    {
        var known = string.Join(", ", KnownTypes);
        var type = section["Type"]?.Trim();
        if (string.IsNullOrEmpty(type))
        {
            throw new ConnectorConfigurationException($"{section.Path}:Type is required (known types: {known})");
        }

        if (string.Equals(type, WebhookOptions.TypeName, StringComparison.OrdinalIgnoreCase))
        {
            var options = WebhookOptions.Read(section);
            return new ConnectorDefinition(section.Key, WebhookOptions.TypeName, services => WebhookConnector.Create(options, services));
        }

        if (string.Equals(type, PostgresOptions.TypeName, StringComparison.OrdinalIgnoreCase))
        {
            var options = PostgresOptions.Read(section);
            return new ConnectorDefinition(section.Key, PostgresOptions.TypeName, services => PostgresConnector.Create(options, services));
        }

        if (string.Equals(type, RedisAclOptions.TypeName, StringComparison.OrdinalIgnoreCase))
        {
            var options = RedisAclOptions.Read(section);
            return new ConnectorDefinition(section.Key, RedisAclOptions.TypeName, services => RedisAclConnector.Create(options, services))
            {
                RoleProblem = options.RoleProblem,
            };
        }

        throw new ConnectorConfigurationException($"{section.Path}:Type: unknown connector type '{type}' (known types: {known})");
    }
}

using System.Net;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace JitBot.Connectors.RedisAcl;

/// <summary>
/// One <c>Type: redis-acl</c> connector (contract section 6): the bot's own connection (a secret), the ACL rules of
/// each policy role, and what goes into a DM'd connection string. Read and checked at start-up; nothing connects
/// until the connector is used.
/// </summary>
internal sealed record RedisAclOptions(
    string Name,
    string Path,
    string ConnectionString,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Roles,
    string PublicHost,
    int PublicPort)
{
    public const string TypeName = "redis-acl";

    public static RedisAclOptions Read(IConfigurationSection section)
    {
        ConnectorSettings.RejectUnknownKeys(section, TypeName, "ConnectionString", "Roles", "PublicHost", "PublicPort");
        var connectionString = ConnectorSettings.Required(section, "ConnectionString");
        var configuration = Parse(section, connectionString);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (role, text) in ConnectorSettings.Map(section, "Roles"))
        {
            var (rules, problem) = RedisAclRules.Parse(text);
            roles[role] = problem is null ? rules : throw new ConnectorConfigurationException($"{section.Path}:Roles:{role}: the ACL rules {problem}");
        }

        var (host, port) = configuration.EndPoints.FirstOrDefault() switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => (null, 0),
        };
        var publicHost = ConnectorSettings.Optional(section, "PublicHost") ?? host
            ?? throw new ConnectorConfigurationException($"{section.Path}:PublicHost is required when ConnectionString names no endpoint");
        var publicPort = ConnectorSettings.OptionalPort(section, "PublicPort") ?? (port > 0 ? port : configuration.Ssl ? 6380 : 6379);
        return new RedisAclOptions(section.Key, section.Path, connectionString, roles, publicHost, publicPort);
    }

    /// <summary>Why a policy role cannot be granted here (no rules under <c>Roles:</c>), or null.</summary>
    public string? RoleProblem(string policyRole) =>
        Roles.ContainsKey(policyRole) ? null : $"{Path}:Roles:{policyRole} is missing: a redis-acl connector needs the ACL rules of every policy role";

    /// <summary>Never prints the connection string (records print every property by default).</summary>
    public override string ToString() =>
        $"RedisAclOptions {{ Name = {Name}, Roles = {string.Join(", ", Roles.Keys)}, PublicHost = {PublicHost}, PublicPort = {PublicPort}, ConnectionString = *** }}";

    public ConfigurationOptions Configuration()
    {
        var configuration = ConfigurationOptions.Parse(ConnectionString);
        configuration.AbortOnConnectFail = true;
        configuration.AllowAdmin = true; // CLIENT KILL and CLIENT LIST are admin commands to StackExchange.Redis
        configuration.ClientName ??= "jitbot";
        return configuration;
    }

    private static ConfigurationOptions Parse(IConfigurationSection section, string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The parser's message can quote the text it choked on, which may be the password: name the key only.
            throw new ConnectorConfigurationException($"{section.Path}:ConnectionString: not a valid StackExchange.Redis configuration ({e.GetType().Name})");
        }
    }
}

using Microsoft.Extensions.Configuration;
using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// One <c>Type: postgres</c> connector (contract section 6): the bot's own connection string (a secret), the mode,
/// the database role of each policy role, the database user of each person, and what goes into a DM'd
/// connection string. Read and checked at start-up; nothing connects until the connector is used.
/// </summary>
internal sealed record PostgresOptions(
    string Name,
    string ConnectionString,
    PostgresMode Mode,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyDictionary<string, string> Users,
    string PublicHost,
    int PublicPort,
    string Database)
{
    public const string TypeName = "postgres";

    /// <summary>PostgreSQL's longest identifier, in bytes.</summary>
    public const int MaxIdentifierBytes = 63;

    public static PostgresOptions Read(IConfigurationSection section)
    {
        ConnectorSettings.RejectUnknownKeys(section, TypeName, "ConnectionString", "Mode", "Roles", "Users", "PublicHost", "PublicPort");
        var connectionString = ConnectorSettings.Required(section, "ConnectionString");
        var builder = Parse(section, connectionString);
        var mode = ConnectorSettings.RequiredChoice(section, "Mode", "membership", "credentials") == "membership"
            ? PostgresMode.Membership
            : PostgresMode.Credentials;
        var roles = ConnectorSettings.Map(section, "Roles");
        var users = ConnectorSettings.Map(section, "Users");
        CheckNames(section, "Roles", roles);
        CheckNames(section, "Users", users);

        var host = builder.Host?.Split(',')[0].Split(':')[0].Trim();
        var publicHost = ConnectorSettings.Optional(section, "PublicHost") ?? host;
        if (mode == PostgresMode.Credentials && (string.IsNullOrEmpty(publicHost) || publicHost.StartsWith('/')))
        {
            throw new ConnectorConfigurationException(
                $"{section.Path}:PublicHost is required when ConnectionString names no TCP host (it goes into the connection string a requester gets)");
        }

        var publicPort = ConnectorSettings.OptionalPort(section, "PublicPort") ?? builder.Port;
        var database = builder.Database ?? builder.Username ?? "postgres";
        return new PostgresOptions(section.Key, connectionString, mode, roles, users, publicHost ?? "", publicPort, database);
    }

    /// <summary>The database role a policy role means: <c>Roles:&lt;role&gt;</c>, else the policy role's own name.</summary>
    public string DatabaseRole(string policyRole) => Roles.TryGetValue(policyRole, out var role) ? role : policyRole;

    /// <summary>The person's database role: <c>Users:&lt;email&gt;</c>, else derived from the email.</summary>
    public string DatabaseUser(string email) => Users.TryGetValue(email, out var user) ? user : UserNames.FromEmail(email);

    /// <summary>Never prints the connection string (records print every property by default).</summary>
    public override string ToString() =>
        $"PostgresOptions {{ Name = {Name}, Mode = {Mode}, PublicHost = {PublicHost}, PublicPort = {PublicPort}, Database = {Database}, ConnectionString = *** }}";

    private static void CheckNames(IConfigurationSection section, string key, IReadOnlyDictionary<string, string> names)
    {
        foreach (var (child, name) in names)
        {
            if (PostgresSql.Problem(name) is { } problem)
            {
                throw new ConnectorConfigurationException($"{section.Path}:{key}:{child}: '{name}' {problem}");
            }
        }
    }

    private static NpgsqlConnectionStringBuilder Parse(IConfigurationSection section, string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's message can quote the text it choked on, which may be the password: name the key only.
            throw new ConnectorConfigurationException($"{section.Path}:ConnectionString: not a valid Npgsql connection string ({e.GetType().Name})");
        }
    }
}

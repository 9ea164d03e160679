using JitBot.Core.Policies;

namespace JitBot.Connectors.Tests;

public sealed class ConnectorPolicyCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jitbot-policy-check-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_policy_role_without_acl_rules_is_a_problem_naming_file_line_and_key()
    {
        var result = Load("""
            team: platform
            resources:
              cache-prod:
                connector: cache
                requesters: [user:alice@example.com]
                approvers: [user:bob@example.com, user:erin@example.com]
                roles:
                  reader: { maxDuration: 1h }
                  writer: { maxDuration: 1h }
            """, RedisAclConfigurationTests.Redis());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(folder, "platform.yaml"), problem.File);
        Assert.Equal(9, problem.Line);
        Assert.Equal("resource 'cache-prod' role 'writer' cannot be granted by connector 'cache': Connectors:cache:Roles:writer is missing: a redis-acl connector needs the ACL rules of every policy role", problem.Message);
    }

    [Fact]
    public void Postgres_and_webhook_connectors_grant_any_policy_role()
    {
        var result = Load("""
            team: data
            resources:
              orders-db:
                connector: orders
                requesters: [user:alice@example.com]
                approvers: [user:bob@example.com, user:erin@example.com]
                roles:
                  readonly: { maxDuration: 1h }
            """, PostgresConfigurationTests.Postgres("membership"));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_connector_with_broken_keys_is_left_for_start_up_to_report()
    {
        var result = Load("""
            team: data
            resources:
              orders-db:
                connector: orders
                requesters: [user:alice@example.com]
                approvers: [user:bob@example.com, user:erin@example.com]
                roles:
                  readonly: { maxDuration: 1h }
            """, [("Connectors:orders:Type", "webhook")]);

        Assert.Empty(result.Problems);
    }

    private PolicyLoadResult Load(string yaml, (string Key, string? Value)[] settings)
    {
        var name = yaml.Contains("team: platform", StringComparison.Ordinal) ? "platform.yaml" : "data.yaml";
        File.WriteAllText(Path.Combine(folder, name), yaml);
        var configuration = TestConnectors.Configuration(settings);
        return ConnectorPolicyCheck.Apply(PolicyLoader.LoadFolder(folder, TimeSpan.FromHours(12), ConnectorPolicyCheck.Names(configuration)), configuration);
    }
}

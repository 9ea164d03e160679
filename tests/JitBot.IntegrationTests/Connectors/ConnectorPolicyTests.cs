using JitBot.IntegrationTests.Infrastructure;

namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class ConnectorPolicyTests
{
    [RealServersFact]
    public async Task A_request_whose_role_is_an_sql_injection_attempt_is_refused_at_policy_check()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials");
        var roles = await world.ScalarAsync<long>("select count(*) from pg_roles");

        var answer = await bot.CommandTextAsync("U0ALICE", $"request orders-db \"{world.ReaderRole}\";DROP_ROLE_{world.ReaderRole};-- 1h INC-7 because");

        Assert.DoesNotMatch(@"JIT-\d+", answer);
        Assert.Contains("orders-db has no role", answer, StringComparison.Ordinal);
        Assert.Contains("Its roles: readonly", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == BotHarness.ApproverChannel);
        Assert.Equal(roles, await world.ScalarAsync<long>("select count(*) from pg_roles"));
        Assert.True(await world.RoleExistsAsync(world.ReaderRole));
    }

    [Fact]
    public async Task A_redis_acl_role_without_rules_stops_start_up_naming_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("jitbot-acl-startup-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "data.yaml"),
                "team: data\nresources:\n  cache-prod:\n    connector: cache\n    requesters: [user:alice@example.com]\n    approvers: [user:bob@example.com]\n    roles:\n      reader: { maxDuration: 1h }\n      writer: { maxDuration: 1h }\n");

            var (exitCode, _, errors) = await BotCli.RunAsync(folder, $"--Policies:Path={folder}", "--urls=http://127.0.0.1:0",
                "--Connectors:cache:Type=redis-acl", "--Connectors:cache:ConnectionString=127.0.0.1:1,password=never-shown", "--Connectors:cache:Roles:reader=~cache:* +@read");

            Assert.Equal(1, exitCode);
            Assert.Contains("data.yaml:9: resource 'cache-prod' role 'writer' cannot be granted by connector 'cache': Connectors:cache:Roles:writer is missing", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("never-shown", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_bot_starts_and_answers_while_its_database_and_cache_are_down()
    {
        await using var bot = await BotHarness.CreateAsync(redis: false, policy: ConnectorBots.Policy);
        bot.Settings["Connectors:orders-db:Type"] = "postgres";
        bot.Settings["Connectors:orders-db:Mode"] = "credentials";
        bot.Settings["Connectors:orders-db:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=jitbot;Password=never-shown;Timeout=1";
        bot.Settings["Connectors:cache:Type"] = "redis-acl";
        bot.Settings["Connectors:cache:ConnectionString"] = "127.0.0.1:1,password=never-shown,connectTimeout=500";
        bot.Settings["Connectors:cache:Roles:reader"] = "~cache:* +@read";
        await bot.StartBotAsync();

        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var answer = await bot.CommandTextAsync("U0ALICE", "resources");

        Assert.True(health.IsSuccessStatusCode);
        Assert.Contains("orders-db", answer, StringComparison.Ordinal);
        Assert.Contains("cache-prod", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown", bot.Logs.All, StringComparison.Ordinal);
    }
}

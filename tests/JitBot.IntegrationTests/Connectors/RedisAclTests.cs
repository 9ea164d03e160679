using JitBot.Testing.Infrastructure;
using StackExchange.Redis;

namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class RedisAclTests
{
    [RealServersFact]
    public async Task A_generated_acl_user_reads_the_cache_during_the_grant_and_is_deleted_at_expiry_with_its_clients()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await ClearGeneratedUsersAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "membership");
        var key = $"cache:{world.Id}";
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis()))
        {
            await admin.GetDatabase().StringSetAsync(key, "cached", TimeSpan.FromMinutes(5));
        }

        var id = await ConnectorBots.GrantedAsync(bot, "cache-prod reader", "8s");
        var uri = await ConnectorBots.CredentialsDmAsync(bot, id, "redis");
        var (client, auth) = await RespClient.ConnectAsync(uri);
        await using var session = client;

        Assert.Equal($"jit-alice-{id[4..]}", Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]));
        Assert.Equal("+OK", auth);
        Assert.Equal("cached", await session.CommandAsync("GET", key));
        Assert.StartsWith("-NOPERM", await session.CommandAsync("SET", key, "overwritten"), StringComparison.Ordinal);
        Assert.StartsWith("-NOPERM", await session.CommandAsync("GET", "payments:secret"), StringComparison.Ordinal);

        await bot.AuditLineAsync(id, "grant.revoked", ConnectorBots.Wait);
        Assert.DoesNotContain($"jit-alice-{id[4..]}", await Users());
        await Assert.ThrowsAnyAsync<IOException>(() => session.CommandAsync("GET", key));
        var (later, refused) = await RespClient.ConnectAsync(uri);
        await using (later)
        {
            Assert.StartsWith("-WRONGPASS", refused, StringComparison.Ordinal);
        }

        await bot.DmAsync("U0ALICE", id, "revoked", ConnectorBots.Wait);
        await SecretSearch.AssertOnlyInTheDmAsync(bot, ConnectorBots.Password(uri), "U0ALICE");
    }

    [RealServersFact]
    public async Task An_acl_user_made_behind_the_bots_back_is_deleted_by_reconciliation_and_a_live_one_stays()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await ClearGeneratedUsersAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "membership");
        var id = await ConnectorBots.GrantedAsync(bot, "cache-prod reader", "1h");
        var orphan = $"jit-mallory-{Random.Shared.Next(8_000_000, 9_000_000)}";
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis()))
        {
            await admin.GetDatabase().ExecuteAsync("ACL", "SETUSER", orphan, "on", ">orphan-password", "~*", "+@all");
        }

        await bot.ReconcileAsync();

        var users = await Users();
        Assert.DoesNotContain(orphan, users);
        Assert.Contains($"jit-alice-{id[4..]}", users);
        var line = await bot.AuditAboutAsync("grant.revoked", orphan);
        Assert.Contains($"[JIT-{orphan[(orphan.LastIndexOf('-') + 1)..]}]", line.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("(reconciled)", line.Arg("text"), StringComparison.Ordinal);

        await bot.CommandTextAsync("U0ALICE", $"revoke {id}");
        await bot.AuditLineAsync(id, "grant.revoked", ConnectorBots.Wait);
        Assert.DoesNotContain($"jit-alice-{id[4..]}", await Users());
    }

    /// <summary>Every bot numbers its requests from 1: a <c>jit-alice-1</c> an earlier, failed run left would be in the way.</summary>
    private static async Task ClearGeneratedUsersAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis());
        foreach (var user in (await Users()).Where(u => u.StartsWith("jit-", StringComparison.Ordinal)))
        {
            await admin.GetDatabase().ExecuteAsync("ACL", "DELUSER", user);
        }
    }

    private static async Task<IReadOnlyList<string>> Users()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.RequireRedis());
        return ((RedisResult[])(await admin.GetDatabase().ExecuteAsync("ACL", "USERS"))!).Select(u => (string)u!).ToList();
    }
}

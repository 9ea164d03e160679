using JitBot.Core.Grants;

namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class ReconciliationTests
{
    [RealServersFact]
    public async Task Logins_made_behind_the_bots_back_or_left_by_a_crash_are_dropped_and_a_live_one_stays()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");
        var live = await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "1h");
        var liveLogin = $"jit_alice_{world.Id}_{live[4..]}";

        // A crash between the connector's grant and the store's write leaves a login no request of the bot holds.
        var crashed = Grants.For("orders-db", "readonly", 7_000_000 + Random.Shared.Next(1_000_000));
        var left = await bot.Connector("orders-db").GrantAsync(crashed, CancellationToken.None);
        var crashedLogin = Uri.UnescapeDataString(new Uri(left.SecretForRequester!).UserInfo.Split(':')[0]);
        var handMade = $"jit_mallory_{world.Id}";
        await world.ExecuteAsync($"CREATE ROLE \"{handMade}\" LOGIN PASSWORD 'hand-made-password'");
        await using var session = await PostgresWorld.ConnectAsync(handMade, "hand-made-password");

        await bot.ReconcileAsync();

        Assert.False(await world.RoleExistsAsync(crashedLogin));
        Assert.False(await world.RoleExistsAsync(handMade));
        Assert.True(await world.RoleExistsAsync(liveLogin));
        await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => world.ReadAsync(session));
        var crashLine = await bot.AuditLineAsync(crashed.RequestId, "grant.revoked", ConnectorBots.Wait);
        Assert.Contains("(reconciled)", crashLine.Arg("text"), StringComparison.Ordinal);
        Assert.Contains($"reconciled: {handMade} had no active grant", (await bot.AuditAboutAsync("grant.revoked", handMade)).Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.AuditLines(live), c => (c.Arg("text") ?? "").Contains("grant.revoked", StringComparison.Ordinal));
    }

    [RealServersFact]
    public async Task The_recurring_job_reconciles_on_its_own()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Scheduling:ReconcileCron"] = "*/2 * * * * *");
        var handMade = $"jit_eve_{world.Id}";

        await world.ExecuteAsync($"CREATE ROLE \"{handMade}\" LOGIN");

        await bot.AuditAboutAsync("grant.revoked", handMade);
        Assert.False(await world.RoleExistsAsync(handMade));
    }

    [RealServersFact]
    public async Task A_revoke_that_leaves_access_behind_fails_loudly()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");
        var grant = Grants.For("orders-db", "readonly", 6_000_000 + Random.Shared.Next(1_000_000));
        var result = await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
        var login = Uri.UnescapeDataString(new Uri(result.SecretForRequester!).UserInfo.Split(':')[0]);

        // Something the login owns in another database: DROP OWNED (per database) cannot take it, so DROP ROLE fails.
        var other = $"other_{world.Id}";
        await world.ExecuteAsync($"CREATE DATABASE \"{other}\" OWNER \"{login}\"");
        try
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(() => bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None));
            Assert.StartsWith($"Postgres connector 'orders-db': revoke for {grant.RequestId} failed: 2BP01", error.Message, StringComparison.Ordinal);
            Assert.True(await world.RoleExistsAsync(login));
            Assert.False(await world.ScalarAsync<bool>("select rolcanlogin from pg_roles where rolname = $1", login));
        }
        finally
        {
            await world.ExecuteAsync($"DROP DATABASE \"{other}\"");
        }

        await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
        Assert.False(await world.RoleExistsAsync(login));
    }
}

using Npgsql;

namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class PostgresMembershipTests
{
    private const string AlicePassword = "alice-standing-password";

    [RealServersFact]
    public async Task A_member_reads_during_the_grant_and_not_after_expiry_and_her_open_session_is_ended()
    {
        await using var world = await PostgresWorld.CreateAsync();
        var alice = await world.CreateLoginAsync($"alice_{world.Id}", AlicePassword);
        await using var bot = await ConnectorBots.StartAsync(world, "membership", s => s["Connectors:orders-db:Users:alice@example.com"] = alice);
        await using var session = await PostgresWorld.ConnectAsync(alice, AlicePassword);
        await Assert.ThrowsAsync<PostgresException>(() => world.ReadAsync(session));

        var id = await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "6s");

        Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
        Assert.True(await world.IsMemberAsync(alice, world.ReaderRole));
        await bot.AuditLineAsync(id, "grant.revoked", ConnectorBots.Wait);
        Assert.False(await world.IsMemberAsync(alice, world.ReaderRole));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => world.ReadAsync(session));
        await using var later = await PostgresWorld.ConnectAsync(alice, AlicePassword);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => world.ReadAsync(later));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [RealServersFact]
    public async Task Memberships_the_bot_did_not_grant_are_never_touched()
    {
        await using var world = await PostgresWorld.CreateAsync();
        var alice = await world.CreateLoginAsync($"alice_{world.Id}", AlicePassword);
        var standing = await world.CreateLoginAsync($"dba_{world.Id}", "dba-password");
        var grantor = await world.CreateLoginAsync($"grantor_{world.Id}", "grantor-password");
        await world.ExecuteAsync($"GRANT \"{world.ReaderRole}\" TO \"{standing}\" GRANTED BY \"{grantor}\"");
        await using var bot = await ConnectorBots.StartAsync(world, "membership", s => s["Connectors:orders-db:Users:alice@example.com"] = alice);

        await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "1h");
        var held = await bot.ListActiveAsync("orders-db");
        await bot.ReconcileAsync();

        Assert.Equal([$"GRANT \"{world.ReaderRole}\" TO \"{alice}\""], held.Select(a => a.Key));
        Assert.True(await world.IsMemberAsync(standing, world.ReaderRole));
        Assert.True(await world.IsMemberAsync(alice, world.ReaderRole));
    }

    [RealServersFact]
    public async Task A_membership_granted_behind_the_bots_back_is_revoked_by_reconciliation()
    {
        await using var world = await PostgresWorld.CreateAsync();
        var dave = await world.CreateLoginAsync($"dave_{world.Id}", "dave-password");
        await using var bot = await ConnectorBots.StartAsync(world, "membership", s => s["Connectors:orders-db:Users:dave@example.com"] = dave);
        await world.ExecuteAsync($"GRANT \"{world.ReaderRole}\" TO \"{dave}\" GRANTED BY CURRENT_USER");
        await using var session = await PostgresWorld.ConnectAsync(dave, "dave-password");
        Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));

        await bot.ReconcileAsync();

        Assert.False(await world.IsMemberAsync(dave, world.ReaderRole));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => world.ReadAsync(session));
        var line = await bot.AuditAboutAsync("grant.revoked", dave);
        Assert.Contains("reconciled", line.Arg("text"), StringComparison.Ordinal);
    }
}

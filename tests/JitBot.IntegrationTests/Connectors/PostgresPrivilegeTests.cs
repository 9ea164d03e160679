namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class PostgresPrivilegeTests
{
    [RealServersFact]
    public async Task A_bot_role_that_is_no_superuser_grants_and_revokes_in_both_modes()
    {
        await using var world = await PostgresWorld.CreateAsync();
        var botConnection = await world.CreateBotRoleAsync();
        var alice = await world.CreateLoginAsync($"alice_{world.Id}", "alice-password");
        var grant = Grants.For("orders-db", "readonly", 5_000_000 + Random.Shared.Next(1_000_000));

        await using (var bot = await ConnectorBots.StartAsync(world, "credentials", s =>
        {
            s["Connectors:orders-db:ConnectionString"] = botConnection;
            s["Connectors:orders-db:Users:alice@example.com"] = alice;
        }))
        {
            var result = await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
            await using var session = await PostgresWorld.ConnectAsync(new Uri(result.SecretForRequester!));
            Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));

            await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
            await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => world.ReadAsync(session));
            var login = Uri.UnescapeDataString(new Uri(result.SecretForRequester!).UserInfo.Split(':')[0]);
            Assert.DoesNotContain(await bot.ListActiveAsync("orders-db"), a => a.Key == login);
            Assert.False(await world.RoleExistsAsync(login));
        }

        await using (var bot = await ConnectorBots.StartAsync(world, "membership", s =>
        {
            s["Connectors:orders-db:ConnectionString"] = botConnection;
            s["Connectors:orders-db:Users:alice@example.com"] = alice;
        }))
        {
            await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
            await using var session = await PostgresWorld.ConnectAsync(alice, "alice-password");
            Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
            Assert.Single(await bot.ListActiveAsync("orders-db"));

            await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
            Assert.False(await world.IsMemberAsync(alice, world.ReaderRole));
            await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => world.ReadAsync(session));
        }
    }
}

using JitBot.IntegrationTests.Infrastructure;
using Npgsql;

namespace JitBot.IntegrationTests.Connectors;

[Collection(RealServersCollection.Name)]
public sealed class PostgresCredentialsTests
{
    [RealServersFact]
    public async Task A_generated_login_reads_during_the_grant_and_is_dropped_at_expiry_ending_its_open_session()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");

        var id = await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "8s");
        var uri = await ConnectorBots.CredentialsDmAsync(bot, id, "postgresql");
        var login = $"jit_alice_{world.Id}_{id[4..]}";

        Assert.Equal(login, Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]));
        await using var session = await PostgresWorld.ConnectAsync(uri);
        Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
        var validUntil = await world.ScalarAsync<DateTime>("select rolvaliduntil from pg_roles where rolname = $1", login);
        Assert.InRange(validUntil, DateTime.UtcNow, DateTime.UtcNow.AddSeconds(9));

        await bot.AuditLineAsync(id, "grant.revoked", ConnectorBots.Wait);
        Assert.False(await world.RoleExistsAsync(login));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => world.ReadAsync(session));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => PostgresWorld.ConnectAsync(uri));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [RealServersFact]
    public async Task An_approved_extension_moves_the_logins_valid_until_and_the_login_works_past_the_first_expiry()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");
        var id = await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "6s");
        var uri = await ConnectorBots.CredentialsDmAsync(bot, id, "postgresql");
        var login = $"jit_alice_{world.Id}_{id[4..]}";
        var firstUntil = await world.ScalarAsync<DateTime>("select rolvaliduntil from pg_roles where rolname = $1", login);

        var extension = await bot.RequestAsync("U0ALICE", $"extend {id} 1h");
        using (await bot.ClickAsync("U0ERIN", "jit.approve", extension))
        {
        }

        await bot.AuditLineAsync(id, "grant.extended", ConnectorBots.Wait);
        var movedUntil = await world.ScalarAsync<DateTime>("select rolvaliduntil from pg_roles where rolname = $1", login);
        Assert.InRange(movedUntil - firstUntil, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        await Eventually.TrueAsync(() => DateTime.UtcNow > firstUntil.AddSeconds(2), TimeSpan.FromSeconds(15), "the first expiry has passed");
        await using var session = await PostgresWorld.ConnectAsync(uri);
        Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
        Assert.True(await world.RoleExistsAsync(login));
    }

    [RealServersFact]
    public async Task The_generated_password_appears_nowhere_but_the_requesters_DM()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");

        var id = await ConnectorBots.GrantedAsync(bot, "orders-db readonly", "3s");
        var password = ConnectorBots.Password(await ConnectorBots.CredentialsDmAsync(bot, id, "postgresql"));
        await bot.AuditLineAsync(id, "grant.revoked", ConnectorBots.Wait);
        await bot.DmAsync("U0ALICE", id, "revoked", ConnectorBots.Wait);

        Assert.Equal(32, password.Length);
        await SecretSearch.AssertOnlyInTheDmAsync(bot, password, "U0ALICE");
        var statements = await world.ScalarAsync<string>("select coalesce(string_agg(query, ' '), '') from pg_stat_activity");
        Assert.DoesNotContain(password, statements, StringComparison.Ordinal);
    }

    [RealServersFact]
    public async Task A_retried_grant_hands_out_the_same_login_unchanged_and_a_stranger_to_it_fails_rather_than_change_it()
    {
        await using var world = await PostgresWorld.CreateAsync();
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");
        var grant = Grants.For("orders-db", "readonly", 9_000_001);

        var first = await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
        var again = await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
        await using var stranger = await ConnectorBots.StartAsync(world, "credentials", s => s["Connectors:orders-db:Users:alice@example.com"] = $"alice_{world.Id}");
        var refused = await Assert.ThrowsAsync<JitBot.Core.Grants.ConnectorException>(() => stranger.Connector("orders-db").GrantAsync(grant, CancellationToken.None));

        Assert.Equal(first.SecretForRequester, again.SecretForRequester);
        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
        await using (var session = await PostgresWorld.ConnectAsync(new Uri(first.SecretForRequester!)))
        {
            Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
        }

        await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
        await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
        Assert.False(await world.RoleExistsAsync($"jit_alice_{world.Id}_9000001"));
    }

    [RealServersFact]
    public async Task Names_with_quotes_and_spaces_stay_identifiers()
    {
        await using var world = await PostgresWorld.CreateAsync();
        var odd = $"Read \"Only\"; DROP ROLE {world.ReaderRole}; --{world.Id}";
        await world.ExecuteAsync($"CREATE ROLE \"{odd.Replace("\"", "\"\"", StringComparison.Ordinal)}\" NOLOGIN IN ROLE \"{world.ReaderRole}\"");
        await using var bot = await ConnectorBots.StartAsync(world, "credentials", s =>
        {
            s["Connectors:orders-db:Roles:readonly"] = odd;
            s["Connectors:orders-db:Users:alice@example.com"] = $"o'brien \"x\" {world.Id}";
        });
        var grant = Grants.For("orders-db", "readonly", 9_000_002);

        var result = await bot.Connector("orders-db").GrantAsync(grant, CancellationToken.None);
        await using (var session = await PostgresWorld.ConnectAsync(new Uri(result.SecretForRequester!)))
        {
            Assert.Equal(PostgresWorld.Row, await world.ReadAsync(session));
        }

        await bot.Connector("orders-db").RevokeAsync(grant, CancellationToken.None);
        Assert.True(await world.RoleExistsAsync(world.ReaderRole));
        Assert.True(await world.RoleExistsAsync(odd));
        Assert.False(await world.RoleExistsAsync($"jit_o'brien \"x\" {world.Id}_9000002"));
        await world.ExecuteAsync($"DROP ROLE \"{odd.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
    }
}

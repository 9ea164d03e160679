using System.Net;
using System.Text;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Teams;

namespace JitBot.IntegrationTests.Teams;

public sealed class TeamsSecurityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Forged_expired_misaddressed_and_misissued_tokens_get_401_and_nothing_happens()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var service = teams.Connector.ServiceUrl;
        var now = DateTimeOffset.UtcNow;
        var unendorsed = teams.Identity.NewKey("skype-only-key", publish: true, "skype");
        var bare = TestSigningKey.WithoutEndorsements("no-endorsements-key");
        teams.Identity.Publish(bare);
        var tokens = new Dictionary<string, string>
        {
            ["forged (same key id, another key)"] = teams.Identity.CreateToken(service, key: TestSigningKey.Create(teams.Identity.SigningKey.Kid)),
            ["expired beyond the skew"] = teams.Identity.CreateToken(service, expires: now.AddMinutes(-6)),
            ["not valid before in 10 minutes"] = teams.Identity.CreateToken(service, notBefore: now.AddMinutes(10), expires: now.AddMinutes(70)),
            ["for another bot"] = teams.Identity.CreateToken(service, audience: "2b0e5c4f-0000-4000-8000-000000000000"),
            ["from another issuer"] = teams.Identity.CreateToken(service, issuer: "https://sts.windows.net/" + TeamsWorld.TenantId + "/"),
            ["for another service URL"] = teams.Identity.CreateToken("https://smba.trafficmanager.net/amer/"),
            ["by a key not endorsed for msteams"] = teams.Identity.CreateToken(service, key: unendorsed),
            ["by a key without endorsements"] = teams.Identity.CreateToken(service, key: bare),
            ["not a JWT"] = "not-a-token",
        };

        foreach (var (what, token) in tokens)
        {
            using var response = await teams.PostAsync(teams.Activities.ChannelMention(teams.Alice, TeamsWorld.GeneralChannel, "request payments-replica readonly 1h INC-1 lag"), token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
        }

        using (var basic = await teams.PostAsync(teams.Activities.Personal(teams.Alice, "help"), scheme: "Basic"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        }

        using (var none = await bot.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(teams.Activities.Personal(teams.Alice, "help").ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        Assert.Empty(teams.Connector.Calls());
        Assert.Empty(teams.Identity.TokenRequests);
        Assert.Empty(bot.Webhook.Calls);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Rejected a Teams request", StringComparison.Ordinal) && l.Contains("serviceurl claim does not match", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;

        var answer = await SendAsync(teams, teams.Identity.CreateToken(teams.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, answer);
    }

    [RedisFact]
    public async Task A_key_published_after_the_keys_were_cached_is_fetched_when_a_token_names_it()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        Assert.Equal(HttpStatusCode.OK, await SendAsync(teams, null));
        var fetches = teams.Identity.KeySetFetches;

        var rotated = teams.Identity.NewKey("rotated-key-2", publish: true);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(teams, teams.Identity.CreateToken(teams.Connector.ServiceUrl, key: rotated)));
        Assert.True(teams.Identity.KeySetFetches > fetches, "the key set was fetched again");

        // A key id nobody publishes is refused, and does not make the bot fetch the keys over and over.
        var unknown = teams.Identity.NewKey("never-published", publish: false);
        var after = teams.Identity.KeySetFetches;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(teams, teams.Identity.CreateToken(teams.Connector.ServiceUrl, key: unknown)));
        }

        Assert.True(teams.Identity.KeySetFetches <= after + 1, $"{teams.Identity.KeySetFetches - after} fetches for one unknown key id");
    }

    [RedisFact]
    public async Task Neither_the_app_password_nor_any_token_reaches_the_logs()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 5s INC-9 secrets check");
        teams.Connector.FailNext("update", 503);
        await teams.ClickAsync(teams.Bob, "jit.approve", id);
        await teams.DmAsync(teams.Alice, id, "you have");
        await teams.DmAsync(teams.Alice, id, "revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(teams, teams.Identity.CreateToken("https://elsewhere.example.com/")));

        var logs = bot.Logs.All;
        Assert.NotEmpty(teams.Identity.IssuedTokens);
        Assert.DoesNotContain(TeamsWorld.AppPassword, logs, StringComparison.Ordinal);
        foreach (var token in teams.Identity.IssuedTokens.Concat(teams.SentTokens))
        {
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        }

        Assert.All(teams.Connector.Calls(), c => Assert.DoesNotContain(TeamsWorld.AppPassword, c.Everything + c.Authorization, StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> SendAsync(TeamsWorld teams, string? token)
    {
        using var response = await teams.PostAsync(teams.Activities.BotAddedToTeam(teams.Bob, TeamsWorld.ApproverChannel), token);
        return response.StatusCode;
    }
}

using System.Globalization;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Teams;

public sealed class TeamsLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_request_from_a_channel_is_carded_approved_by_invoke_granted_dmd_and_revoked_at_expiry()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;

        var answer = await teams.CommandTextAsync(teams.Alice, "request payments-replica readonly 5s INC-4312 checking lag");
        Assert.Contains("filed", answer, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(answer, @"JIT-\d+").Value;

        var posted = await teams.CardPostedAsync(id);
        var card = posted.Card!.ToJsonString();
        Assert.Equal("1.5", posted.Card!["version"]!.GetValue<string>());
        Assert.Contains("\"verb\":\"jit.approve\"", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"jit.deny\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"requestId\":\"{id}\"", card, StringComparison.Ordinal);
        Assert.Contains("INC-4312 checking lag", card, StringComparison.Ordinal);
        Assert.Contains(teams.Alice.Id, posted.Card["refresh"]!["userIds"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(teams.Identity.IsIssued(posted.Authorization!["Bearer ".Length..]));
        Assert.DoesNotContain(bot.Slack.Calls("chat.postMessage"), c => BotHarness.Mentions(c, id) && c.Arg("channel") == BotHarness.ApproverChannel);

        var clicked = await teams.ClickAsync(teams.Bob, "jit.approve", id);
        Assert.Equal(200, clicked["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", clicked["type"]!.GetValue<string>());
        Assert.DoesNotContain("jit.approve", clicked["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("You approved this request", clicked["value"]!.ToJsonString(), StringComparison.Ordinal);

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.True(grant.IsAuthentic);
        Assert.Equal("alice@example.com", grant.Email);
        Assert.Equal(teams.Alice.AadObjectId, grant.Body.GetProperty("user").GetProperty("teamsUserId").GetString());
        Assert.Equal("bob@example.com", grant.Body.GetProperty("approvers")[0].GetString());

        var update = await teams.Connector.WaitForCallAsync(
            "update", c => c.ConversationId == TeamsWorld.ApproverChannel && c.ActivityId == posted.ResultId && !c.Everything.Contains("jit.approve", StringComparison.Ordinal), Wait);
        Assert.Equal("PUT", update.HttpMethod);
        Assert.Contains("Approved by Bob (bob@example.com)", update.Everything, StringComparison.Ordinal);

        await teams.DmAsync(teams.Alice, id, "approved");
        await teams.DmAsync(teams.Alice, id, "you have");
        var created = Assert.Single(teams.Connector.Calls("create"));
        Assert.Equal(teams.Alice.Id, created.Json!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsWorld.TenantId, created.Json["tenantId"]!.GetValue<string>());
        Assert.Equal("28:" + TeamsWorld.AppId, created.Json["bot"]!["id"]!.GetValue<string>());

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        var expiresAt = DateTimeOffset.Parse(grant.Body.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(revoke.ReceivedAt, expiresAt - TimeSpan.FromSeconds(1), expiresAt + TimeSpan.FromSeconds(2));
        Assert.Empty(bot.Webhook.ActiveRequestIds);
        await teams.DmAsync(teams.Alice, id, "revoked");
        Assert.Single(teams.Connector.Calls("create"));

        foreach (var type in new[] { "request.submitted", "request.vote", "request.approved", "grant.active", "grant.revoked" })
        {
            await teams.AuditLineAsync(id, type);
        }

        await teams.Connector.WaitUntilAsync(() => TeamsWorld.Plain(teams.CurrentCard(posted).ToJsonString()).Contains("Revoked at expiry", StringComparison.Ordinal), Wait);
    }
}

using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Teams;

public sealed class CrossPlatformTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_request_filed_in_Slack_is_approved_in_Teams_and_both_cards_show_it()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await bot.RequestAsync("U0ALICE", "request payments-ledger readonly 1h INC-7 ledger drift");
        var slackCard = await bot.CardPostedAsync(id);
        var teamsCard = await teams.CardPostedAsync(id);
        Assert.Contains("alice@example.com", teamsCard.Everything, StringComparison.Ordinal);

        var answer = await teams.ClickAsync(teams.Bob, "jit.approve", id);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal("alice@example.com", grant.Email);
        Assert.Equal("U0ALICE", grant.Body.GetProperty("user").GetProperty("slackUserId").GetString());
        Assert.Equal("bob@example.com", grant.Body.GetProperty("approvers")[0].GetString());
        await bot.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == slackCard.Json!["ts"]?.GetValue<string>() || (BotHarness.Mentions(c, id) && !c.Blocks!.ToJsonString().Contains("jit.approve", StringComparison.Ordinal)), Wait);
        await teams.Connector.WaitForCallAsync("update", c => c.ActivityId == teamsCard.ResultId && !c.Everything.Contains("jit.approve", StringComparison.Ordinal), Wait);
        await bot.DmAsync("U0ALICE", id, "approved");
        Assert.Empty(teams.Connector.Calls("create"));
    }

    [RedisFact]
    public async Task A_request_filed_in_Teams_is_approved_in_Slack_and_the_requester_hears_in_Teams()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Dave, "request payments-ledger readonly 1h INC-8 ledger drift");
        await teams.CardPostedAsync(id);
        await bot.CardPostedAsync(id);

        using (var click = await bot.ClickAsync("U0ERIN", "jit.approve", id))
        {
            Assert.True(click.IsSuccessStatusCode);
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal("dave@example.com", grant.Email);
        Assert.Equal(teams.Dave.AadObjectId, grant.Body.GetProperty("user").GetProperty("teamsUserId").GetString());
        await teams.DmAsync(teams.Dave, id, "approved by erin@example.com");
    }
}

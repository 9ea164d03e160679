using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Teams;

public sealed class TeamsApprovalRulesTests
{
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task The_requester_cannot_approve_their_own_request_and_is_told_so_in_the_invoke_response()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 lag");

        var answer = await teams.ClickAsync(teams.Alice, "jit.approve", id);

        Assert.Equal(MessageType, answer["type"]!.GetValue<string>());
        Assert.Contains("your own request", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 of 1", await teams.CommandTextAsync(teams.Alice, "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task A_click_by_someone_who_is_not_an_approver_changes_nothing_and_is_explained_to_them()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 lag");

        var answer = await teams.ClickAsync(teams.Mallory, "jit.approve", id);

        Assert.Equal(MessageType, answer["type"]!.GetValue<string>());
        Assert.Contains("not an approver", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 of 1", await teams.CommandTextAsync(teams.Alice, "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
        Assert.Empty(teams.Connector.Calls("update"));
    }

    [RedisFact]
    public async Task Clicks_at_the_same_moment_count_once_and_grant_once()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 lag");
        await teams.CardPostedAsync(id);

        var answers = await Task.WhenAll(
            teams.ClickAsync(teams.Bob, "jit.approve", id),
            teams.ClickAsync(teams.Erin, "jit.approve", id),
            teams.ClickAsync(teams.Bob, "jit.approve", id),
            teams.ClickAsync(teams.Carol, "jit.approve", id));

        Assert.Single(answers, a => a["type"]!.GetValue<string>() == CardType);
        Assert.Equal(3, answers.Count(a => a["type"]!.GetValue<string>() == MessageType));
        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await teams.AuditLineAsync(id, "grant.active");
        Assert.Single(bot.Webhook.Grants);
        var lines = teams.Connector.Calls("send").Where(c => c.ConversationId == TeamsWorld.AuditConversation && c.Text.Contains($"[{id}]", StringComparison.Ordinal)).ToList();
        Assert.Single(lines, l => l.Text.Contains("request.approved", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Text.Contains("request.vote", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Two_of_two_needs_two_approvers_and_the_card_shows_the_count_after_each_vote()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Dave, "request payments-replica admin 30m INC-2 failover");
        var posted = await teams.CardPostedAsync(id);

        var first = await teams.ClickAsync(teams.Erin, "jit.approve", id);
        Assert.Contains("1 of 2", first["value"]!.ToJsonString(), StringComparison.Ordinal);
        await teams.Connector.WaitForCallAsync("update", c => c.ActivityId == posted.ResultId && c.Everything.Contains("1 of 2", StringComparison.Ordinal), Wait);
        Assert.Empty(bot.Webhook.Calls);

        await teams.ClickAsync(teams.Carol, "jit.approve", id);
        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["carol@example.com", "erin@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).Order());
    }

    [RedisFact]
    public async Task A_denial_updates_the_card_for_everyone_and_tells_the_requester()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 lag");
        var posted = await teams.CardPostedAsync(id);

        var answer = await teams.ClickAsync(teams.Erin, "jit.deny", id);

        Assert.Equal(CardType, answer["type"]!.GetValue<string>());
        await teams.Connector.WaitForCallAsync("update", c => c.ActivityId == posted.ResultId && c.Everything.Contains("Denied by Erin", StringComparison.Ordinal), Wait);
        await teams.DmAsync(teams.Alice, id, "denied by erin@example.com");
        var again = await teams.ClickAsync(teams.Bob, "jit.approve", id);
        Assert.Contains("already denied", again["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task A_refresh_gives_approvers_the_buttons_and_everyone_else_the_status_and_who_is_asked()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 lag");

        var approver = (await teams.ClickAsync(teams.Bob, "jit.refresh", id))["value"]!.ToJsonString();
        var outsider = (await teams.ClickAsync(teams.Mallory, "jit.refresh", id))["value"]!.ToJsonString();
        var requester = (await teams.ClickAsync(teams.Alice, "jit.refresh", id))["value"]!.ToJsonString();

        Assert.Contains("jit.approve", approver, StringComparison.Ordinal);
        Assert.DoesNotContain("jit.approve", outsider, StringComparison.Ordinal);
        Assert.Contains("Only the approvers of payments-replica", outsider, StringComparison.Ordinal);
        Assert.Contains("bob@example.com, carol@example.com, erin@example.com", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("jit.approve", requester, StringComparison.Ordinal);
        Assert.Contains("This is your request", requester, StringComparison.Ordinal);
        Assert.Contains("0 of 1", await teams.CommandTextAsync(teams.Alice, "list"), StringComparison.Ordinal);
    }
}

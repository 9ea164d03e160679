using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class ApprovalRulesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_denial_ends_the_request_updates_the_card_and_tells_the_requester()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        await bot.CardPostedAsync(id);

        using (var submission = await bot.DenyAsync("U0ERIN", id, "use the read replica"))
        {
            Assert.Null(await BotHarness.ViewAnswerAsync(submission));
        }

        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("enied", StringComparison.Ordinal), Wait);
        var dm = await bot.DmAsync("U0ALICE", id, "denied by erin@example.com");
        Assert.Contains("use the read replica", dm.Arg("text"), StringComparison.Ordinal);
        await bot.AuditLineAsync(id, "request.denied");
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task The_requester_cannot_approve_their_own_request_even_as_a_listed_approver()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");

        using (var click = await bot.ClickAsync("U0ALICE", "jit.approve", id))
        {
            Assert.True(click.IsSuccessStatusCode);
        }

        await bot.EphemeralAsync("U0ALICE", "your own request");
        Assert.Contains("pending", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task A_click_by_someone_who_is_not_an_approver_changes_nothing_and_is_explained()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");

        using (await bot.ClickAsync("U0MALLORY", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0MALLORY", "not an approver");
        Assert.Contains("0 of 1", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task Two_approvals_at_the_same_moment_count_once_and_grant_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");

        var clicks = await Task.WhenAll(
            bot.ClickAsync("U0BOB", "jit.approve", id),
            bot.ClickAsync("U0ERIN", "jit.approve", id),
            bot.ClickAsync("U0BOB", "jit.approve", id),
            bot.ClickAsync("U0CAROL", "jit.approve", id));
        Assert.All(clicks, c => Assert.True(c.IsSuccessStatusCode));

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await bot.AuditLineAsync(id, "grant.active");
        Assert.Single(bot.Webhook.Grants);
        Assert.Single(bot.AuditLines(id), l => l.Arg("text")!.Contains("request.approved", StringComparison.Ordinal));
        Assert.Single(bot.AuditLines(id), l => l.Arg("text")!.Contains("request.vote", StringComparison.Ordinal));
        await bot.Slack.WaitUntilAsync(() => bot.Slack.Calls("chat.postEphemeral").Count == 3, Wait);
    }

    [RedisFact]
    public async Task Two_of_two_needs_two_distinct_approvers_and_the_card_shows_the_count()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db admin 10m CHG-7 migration");
        await bot.CardPostedAsync(id);

        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("1 of 2", StringComparison.Ordinal), Wait);
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0BOB", "already voted");
        Assert.Empty(bot.Webhook.Grants);

        using (await bot.ClickAsync("U0CAROL", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        var approvers = grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["bob@example.com", "carol@example.com"], approvers);
    }

    [RedisFact]
    public async Task A_click_on_a_decided_request_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        using (var submission = await bot.DenyAsync("U0ERIN", id, "too late"))
        {
            var answer = await BotHarness.ViewAnswerAsync(submission);
            Assert.Equal("errors", answer!["response_action"]!.GetValue<string>());
            Assert.Contains("already", answer["errors"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(bot.AuditLines(id), l => l.Arg("text")!.Contains("request.denied", StringComparison.Ordinal));
    }
}

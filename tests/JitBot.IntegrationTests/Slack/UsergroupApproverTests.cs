using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class UsergroupApproverTests
{
    public const string Policy = """
        team: payments
        groups:
          oncall: [alice@example.com]
          leads: [carol@example.com]
        resources:
          payments-db:
            connector: payments-db
            requesters: [group:oncall]
            approvers: [slack-usergroup:S0LEADS]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_member_of_the_slack_user_group_approves_and_someone_outside_it_is_refused()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        bot.Slack.SetUsergroup("S0LEADS", "U0BOB", "U0ERIN");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        await bot.CardPostedAsync(id);

        using (await bot.ClickAsync("U0CAROL", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0CAROL", "not an approver");
        Assert.Empty(bot.Webhook.Grants);

        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["bob@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).ToList());
        Assert.Contains(bot.Slack.Calls("usergroups.users.list"), c => c.Arg("usergroup") == "S0LEADS");
    }

    [RedisFact]
    public async Task A_member_of_the_group_who_is_the_requester_cannot_approve_their_own_request()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        bot.Slack.SetUsergroup("S0LEADS", "U0ALICE", "U0ERIN");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");

        using (await bot.ClickAsync("U0ALICE", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0ALICE", "your own request");
        using (await bot.ClickAsync("U0ERIN", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
    }
}

using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Workflow;

public sealed class RoutingTests
{
    public const string Policy = """
        team: platform
        owners: [olivia@example.com]
        groups:
          sre: [bob@example.com, erin@example.com, alice@example.com]
          leads: [carol@example.com]
          security: [sec@example.com, erin@example.com]
          oncall: [alice@example.com]
        resources:
          payments-db:
            connector: payments-db
            requesters: [group:sre, user:dave@example.com]
            approvers: [group:sre]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly:
                maxDuration: 4h
                approvals: 2
              admin:
                maxDuration: 1h
                stages:
                  - { name: lead, approvers: [group:leads], channels: { slack: C0LEADS } }
                  - { name: security, approvers: [group:security], channels: { slack: C0SECURITY } }
              operator:
                maxDuration: 1h
                escalateAfter: 2s
                escalationChannel: { slack: C0ESCALATE }
              oncall:
                maxDuration: 2h
                autoApprove:
                  - name: oncall-in-hours
                    requesterIn: [group:oncall]
                    maxDuration: 1h
                    hours: Mon-Fri 09:00-17:00 Europe/Berlin
                    reasonMatches: "INC-[0-9]+"
              owner-view:
                maxDuration: 1h
                stages:
                  - { name: owner, approvers: [owner] }
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Two_of_three_where_the_requester_is_one_of_the_three_needs_both_others()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");

        using (await bot.ClickAsync("U0ALICE", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0ALICE", "your own request");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("1 of 2", StringComparison.Ordinal), Wait);
        Assert.Empty(bot.Webhook.Grants);
        using (await bot.ClickAsync("U0ERIN", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["bob@example.com", "erin@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).ToList());
    }

    [RedisFact]
    public async Task A_two_stage_request_goes_to_the_lead_then_to_security_each_in_its_own_channel()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        bot.Slack.AddUser("U0SEC", "sec@example.com", "Security");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db admin 30m CHG-9 migration");

        await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0LEADS" && BotHarness.Mentions(c, id), Wait);
        using (await bot.ClickAsync("U0SEC", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0SEC", "not an approver");
        using (await bot.ClickAsync("U0CAROL", "jit.approve", id))
        {
        }

        await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0SECURITY" && BotHarness.Mentions(c, id), Wait);
        Assert.Empty(bot.Webhook.Grants);
        using (await bot.ClickAsync("U0CAROL", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0CAROL", "already voted");
        using (await bot.ClickAsync("U0SEC", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["carol@example.com", "sec@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).ToList());
    }

    [RedisFact]
    public async Task The_owner_selector_names_the_teams_owners()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        bot.Slack.AddUser("U0OLIVIA", "olivia@example.com", "Olivia");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db owner-view 30m INC-2 look");

        using (await bot.ClickAsync("U0OLIVIA", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
    }

    [RedisFact]
    public async Task An_undecided_request_escalates_once_to_its_escalation_channel_and_reminds_the_approvers()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        var id = await bot.RequestAsync("U0ALICE", "request payments-db operator 30m INC-3 stuck");
        await bot.CardPostedAsync(id);

        await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0ESCALATE" && BotHarness.Mentions(c, id), Wait);
        var reminder = await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == BotHarness.ApproverChannel && (c.Arg("text") ?? "").Contains("Reminder", StringComparison.Ordinal), Wait);
        Assert.Contains(id, reminder.Arg("text"), StringComparison.Ordinal);

        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await bot.Slack.WaitUntilAsync(
            () => bot.Slack.Calls("chat.update").Count(c => BotHarness.Mentions(c, id) && !c.Blocks!.ToJsonString().Contains("jit.approve", StringComparison.Ordinal)) >= 2,
            Wait);
        Assert.Single(bot.Slack.Calls("chat.postMessage"), c => (c.Arg("text") ?? "").Contains("Reminder", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Auto_approval_grants_at_once_inside_business_hours()
    {
        await using var bot = await BotHarness.CreateAsync(policy: Policy);
        bot.Clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin");
        await bot.StartBotAsync();

        var answer = await bot.CommandTextAsync("U0ALICE", "request payments-db oncall 30m INC-77 db down");

        Assert.Contains("auto-approved", answer, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(answer, @"JIT-\d+").Value;
        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        var line = await bot.AuditLineAsync(id, "request.approved");
        Assert.Contains("by policy:oncall-in-hours", line.Arg("text"), StringComparison.Ordinal);
        await bot.AuditLineAsync(id, "grant.active", Wait);
        Assert.DoesNotContain(bot.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == BotHarness.ApproverChannel);
    }

    [RedisFact]
    public async Task Auto_approval_does_not_apply_outside_business_hours_or_without_a_ticket()
    {
        await using var bot = await BotHarness.CreateAsync(policy: Policy);
        bot.Clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Wednesday, new TimeOnly(20, 30), "Europe/Berlin");
        await bot.StartBotAsync();

        var evening = await bot.RequestAsync("U0ALICE", "request payments-db oncall 30m INC-78 db down");
        await bot.CardPostedAsync(evening);

        Assert.Empty(bot.Webhook.Grants);
        Assert.Contains("0 of 1", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Auto_approval_needs_every_condition_of_its_rule()
    {
        await using var bot = await BotHarness.CreateAsync(policy: Policy);
        bot.Clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Tuesday, new TimeOnly(11, 0), "Europe/Berlin");
        await bot.StartBotAsync();

        Assert.Contains("filed", await bot.CommandTextAsync("U0ALICE", "request payments-db oncall 30m no ticket here"), StringComparison.Ordinal);
        Assert.Contains("filed", await bot.CommandTextAsync("U0ALICE", "request payments-db oncall 2h INC-79 too long"), StringComparison.Ordinal);
        Assert.Contains("filed", await bot.CommandTextAsync("U0BOB", "request payments-db oncall 30m INC-80 not on call"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Grants);
    }
}

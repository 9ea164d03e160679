using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Webhook;

namespace JitBot.IntegrationTests.Teams;

/// <summary>The workflow rules (quorum, stages, auto-approval, escalation) as Teams users live them.</summary>
public sealed class TeamsWorkflowTests
{
    public const string LeadsChannel = "19:leads4c8e@thread.tacv2";
    public const string SecurityChannel = "19:security2d7b@thread.tacv2";
    public const string EscalationChannel = "19:escalate9a1f@thread.tacv2";

    /// <summary>The Slack routing policy (Workflow/RoutingTests) with Teams channels, plus a one-approval role and a resource only Mallory may request.</summary>
    public const string Policy = """
        team: platform
        groups:
          sre: [bob@example.com, erin@example.com, alice@example.com]
          leads: [carol@example.com]
          security: [sec@example.com, erin@example.com]
          oncall: [alice@example.com]
        resources:
          payments-db:
            description: Payments production PostgreSQL
            connector: payments-db
            requesters: [group:sre, user:dave@example.com]
            approvers: [group:sre]
            channels: { teams: "19:approvers7f3a@thread.tacv2" }
            roles:
              readonly: { maxDuration: 4h, approvals: 2 }
              reader: { maxDuration: 1h, approvals: 1 }
              admin:
                maxDuration: 1h
                stages:
                  - { name: lead, approvers: [group:leads], channels: { teams: "19:leads4c8e@thread.tacv2" } }
                  - { name: security, approvers: [group:security], channels: { teams: "19:security2d7b@thread.tacv2" } }
              operator:
                maxDuration: 1h
                escalateAfter: 2s
                escalationChannel: { teams: "19:escalate9a1f@thread.tacv2" }
              oncall:
                maxDuration: 2h
                autoApprove:
                  - name: oncall-in-hours
                    requesterIn: [group:oncall]
                    maxDuration: 1h
                    hours: Mon-Fri 09:00-17:00 Europe/Berlin
                    reasonMatches: "INC-[0-9]+"
          ledger-db:
            description: Payments ledger
            connector: payments-db
            requesters: [user:mallory@example.com]
            approvers: [group:sre]
            channels: { teams: "19:approvers7f3a@thread.tacv2" }
            roles:
              readonly: { maxDuration: 1h, approvals: 1 }
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Two_of_three_where_the_requester_is_one_of_the_three_needs_both_others()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: Policy);
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-db readonly 1h INC-1 lag");
        var posted = TeamsWorld.Plain((await teams.CardPostedAsync(id)).Card!.ToJsonString());
        Assert.Contains("0 of 2", posted, StringComparison.Ordinal);
        Assert.Contains("Waiting for 2 more approvals from: bob@example.com, erin@example.com.", posted, StringComparison.Ordinal);

        var own = await teams.ClickAsync(teams.Alice, "jit.approve", id);
        Assert.Equal(TeamsWorld.InvokeMessage, own["type"]!.GetValue<string>());
        Assert.Contains("your own request", own["value"]!.GetValue<string>(), StringComparison.Ordinal);

        var first = await teams.ClickAsync(teams.Bob, "jit.approve", id);
        Assert.Equal(TeamsWorld.InvokeCard, first["type"]!.GetValue<string>());
        Assert.Contains("You approved this request.", first["value"]!.ToJsonString(), StringComparison.Ordinal);
        await teams.CardShowsAsync(id, "Waiting for 1 more approval from: erin@example.com.");
        Assert.Contains("1 of 2", await teams.CardShowsAsync(id, "approved by Bob (bob@example.com)"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Grants);

        await teams.ClickAsync(teams.Erin, "jit.approve", id);

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["bob@example.com", "erin@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).Order());
        Assert.Equal(teams.Alice.AadObjectId, grant.Body.GetProperty("user").GetProperty("teamsUserId").GetString());
        await teams.CardShowsAsync(id, "Approved by Bob (bob@example.com), Erin (erin@example.com)");
        await teams.DmAsync(teams.Alice, id, "approved by bob@example.com, erin@example.com");
        await teams.AuditLineAsync(id, "request.approved");
        Assert.Equal(2, teams.AuditLines(id).Count(l => l.Contains("request.vote", StringComparison.Ordinal)));
    }

    [RedisFact]
    public async Task A_two_stage_request_goes_to_the_lead_then_to_security_each_in_its_own_channel()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: Policy);
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-db admin 30m CHG-9 migration");

        var lead = await teams.CardPostedAsync(id, LeadsChannel);
        Assert.Contains("stage 1 of 2: lead", TeamsWorld.Plain(lead.Card!.ToJsonString()), StringComparison.Ordinal);
        var early = await teams.ClickAsync(teams.Sec, "jit.approve", id, LeadsChannel);
        Assert.Contains("not an approver", early["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(teams.Connector.Calls("send"), c => c.ConversationId == SecurityChannel);

        var counted = await teams.ClickAsync(teams.Carol, "jit.approve", id, LeadsChannel);
        Assert.Equal(TeamsWorld.InvokeCard, counted["type"]!.GetValue<string>());

        var security = await teams.CardPostedAsync(id, SecurityChannel);
        Assert.Contains("stage 2 of 2: security", TeamsWorld.Plain(security.Card!.ToJsonString()), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Grants);
        var again = await teams.ClickAsync(teams.Carol, "jit.approve", id, SecurityChannel);
        Assert.Contains("already voted", again["value"]!.GetValue<string>(), StringComparison.Ordinal);

        await teams.ClickAsync(teams.Sec, "jit.approve", id, SecurityChannel);

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(["carol@example.com", "sec@example.com"], grant.Body.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()!).Order());
        await teams.CardShowsAsync(id, "Approved by Carol (carol@example.com), Security (sec@example.com)", SecurityChannel);
        await teams.CardShowsAsync(id, "Approved by Carol (carol@example.com), Security (sec@example.com)", LeadsChannel);
        Assert.DoesNotContain(teams.Connector.Calls("send"), c => c.ConversationId == TeamsWorld.ApproverChannel);
    }

    [RedisFact]
    public async Task An_undecided_request_escalates_once_to_its_escalation_conversation_and_reminds_the_approvers()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: Policy);
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-db operator 30m INC-3 stuck");
        await teams.CardPostedAsync(id);

        await teams.CardPostedAsync(id, EscalationChannel);
        await teams.ChannelTextAsync(TeamsWorld.ApproverChannel, "Reminder", id, "escalated");

        var answer = await teams.ClickAsync(teams.Bob, "jit.approve", id, EscalationChannel);
        Assert.Equal(TeamsWorld.InvokeCard, answer["type"]!.GetValue<string>());

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await teams.CardShowsAsync(id, "Approved by Bob (bob@example.com)");
        await teams.CardShowsAsync(id, "Approved by Bob (bob@example.com)", EscalationChannel);
        Assert.Single(teams.Connector.Calls("send"), c => TeamsWorld.Plain(c.Text).Contains("Reminder", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Auto_approval_grants_at_once_inside_business_hours()
    {
        var clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin");
        // The receiver checks the grant's timestamp against its clock: it must be the bot's for the grant to be confirmed.
        await using var webhook = await FakeWebhookReceiver.StartAsync(BotHarness.WebhookSecret, clock);
        await using var bot = await BotHarness.CreateTeamsAsync(policy: Policy);
        bot.Clock = clock;
        bot.Settings["Connectors:payments-db:Url"] = webhook.Url;
        await bot.StartBotAsync();
        var teams = bot.Teams;

        var answer = await teams.CommandTextAsync(teams.Alice, "request payments-db oncall 30m INC-77 db down");

        Assert.Contains("auto-approved", answer, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(answer, @"JIT-\d+").Value;
        var grant = await webhook.WaitForCallAsync("grant", id, Wait);
        Assert.True(grant.Accepted);
        Assert.Empty(grant.Body.GetProperty("approvers").EnumerateArray());
        var line = await teams.AuditLineAsync(id, "request.approved");
        Assert.Contains("by policy:oncall-in-hours", TeamsWorld.Plain(line.Text), StringComparison.Ordinal);
        await teams.AuditLineAsync(id, "grant.active");
        await teams.DmAsync(teams.Alice, id, "you have");
        Assert.DoesNotContain(teams.Connector.Calls("send"), c => c.Card is not null && c.Everything.Contains(id, StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Auto_approval_does_not_apply_outside_business_hours_and_the_approvers_get_the_card()
    {
        await using var bot = await BotHarness.CreateTeamsAsync(policy: Policy);
        bot.Clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Wednesday, new TimeOnly(20, 30), "Europe/Berlin");
        await bot.StartBotAsync();
        var teams = bot.Teams;

        var answer = await teams.CommandTextAsync(teams.Alice, "request payments-db oncall 30m INC-78 db down");

        Assert.Contains("filed", answer, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(answer, @"JIT-\d+").Value;
        var card = await teams.CardPostedAsync(id);
        Assert.Contains("\"verb\":\"jit.approve\"", card.Everything, StringComparison.Ordinal);
        Assert.Contains("0 of 1", await teams.CommandTextAsync(teams.Alice, "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Grants);
        Assert.DoesNotContain(teams.AuditLines(id), l => l.Contains("request.approved", StringComparison.Ordinal));
    }
}

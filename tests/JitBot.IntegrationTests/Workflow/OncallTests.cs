using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Oncall;

namespace JitBot.IntegrationTests.Workflow;

public sealed class OncallTests
{
    private const string Policy = """
        team: payments
        groups:
          oncall: [alice@example.com, dave@example.com]
        resources:
          payments-db:
            connector: payments-db
            requesters: [group:oncall]
            approvers: [oncall:payments-primary]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
              debug:
                maxDuration: 1h
                autoApprove:
                  - name: on-call-engineer
                    requesterIn: [oncall:payments-primary]
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Approvers_and_auto_approval_follow_who_is_on_call_now()
    {
        await using var oncall = await FakeOncallServer.StartAsync();
        oncall.Set("payments-primary", "erin@example.com", "alice@example.com");
        await using var bot = await BotHarness.StartAsync(policy: Policy, configure: s =>
        {
            s["Oncall:Url"] = oncall.UrlTemplate;
            s["Oncall:Token"] = "oncall-token-5e4d3c";
        });

        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0BOB", "not an approver");
        using (await bot.ClickAsync("U0ERIN", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal("Bearer oncall-token-5e4d3c", oncall.LastAuthorization);

        Assert.Contains("auto-approved", await bot.CommandTextAsync("U0ALICE", "request payments-db debug 10m INC-2 on call"), StringComparison.Ordinal);
        bot.Slack.AddUser("U0DAVE", "dave@example.com", "Dave");
        Assert.Contains("filed", await bot.CommandTextAsync("U0DAVE", "request payments-db debug 10m INC-3 not on call"), StringComparison.Ordinal);
        Assert.DoesNotContain("oncall-token-5e4d3c", bot.Logs.All, StringComparison.Ordinal);
    }
}

using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class CommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Wrong_requests_get_a_clear_ephemeral_answer_and_nothing_is_filed()
    {
        await using var bot = await BotHarness.StartAsync();

        (string Text, string Expected)[] cases =
        [
            ("request nope readonly 1h INC-1 x", "no resource 'nope'"),
            ("request payments-db superuser 1h INC-1 x", "no role 'superuser'"),
            ("request payments-db readonly 5h INC-1 x", "at most 4h"),
            ("request payments-db readonly 13h INC-1 x", "at most 4h"),
            ("request payments-db readonly 1h", "reason"),
            ("request payments-db readonly forever INC-1", "not a duration"),
            ("request payments-db", "duration"),
            ("frobnicate", "don't know"),
            ("cancel JIT-oops", "not a request id"),
        ];
        foreach (var (text, expected) in cases)
        {
            var answer = await bot.CommandTextAsync("U0ALICE", text);
            Assert.Contains(expected, answer, StringComparison.Ordinal);
            Assert.Contains("Usage", answer, StringComparison.Ordinal);
        }

        Assert.Contains("not allowed", await bot.CommandTextAsync("U0MALLORY", "request payments-db readonly 1h INC-1 x"), StringComparison.Ordinal);
        Assert.Contains("no pending requests", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.Empty(bot.Slack.Calls("chat.postMessage"));
    }

    [RedisFact]
    public async Task A_person_without_an_email_in_slack_is_told_why()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Slack.AddUser("U0NOMAIL", null, "No Mail");

        var answer = await bot.CommandTextAsync("U0NOMAIL", "list");

        Assert.Contains("email", answer, StringComparison.OrdinalIgnoreCase);
    }

    [RedisFact]
    public async Task Help_resources_and_list_answer_the_person_who_asked()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Contains("request &lt;resource&gt;", await bot.CommandTextAsync("U0ALICE", "help"), StringComparison.Ordinal);
        var resources = await bot.CommandTextAsync("U0ALICE", "resources");
        Assert.Contains("payments-db", resources, StringComparison.Ordinal);
        Assert.Contains("admin: up to 1h, 2 approvals", resources, StringComparison.Ordinal);
        Assert.Contains("No policy lets you", await bot.CommandTextAsync("U0MALLORY", "resources"), StringComparison.Ordinal);

        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        Assert.Contains($"{id} payments-db readonly 1h: pending, 0 of 1", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.Contains(id, await bot.CommandTextAsync("U0BOB", "pending"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await bot.CommandTextAsync("U0ALICE", "pending"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Cancel_withdraws_a_pending_request_updates_the_card_and_only_the_requester_may()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        await bot.CardPostedAsync(id);

        Assert.Contains("Only the requester", await bot.CommandTextAsync("U0BOB", $"cancel {id}"), StringComparison.Ordinal);
        Assert.Contains("cancelled", await bot.CommandTextAsync("U0ALICE", $"cancel {id}"), StringComparison.Ordinal);

        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("ancelled", StringComparison.Ordinal), Wait);
        await bot.AuditLineAsync(id, "request.cancelled");
        await bot.DmAsync("U0ALICE", id, "cancelled");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.EphemeralAsync("U0BOB", "already cancelled");
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task Approve_and_deny_commands_work_like_the_buttons()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        var second = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-2 y");

        Assert.Contains("your own request", await bot.CommandTextAsync("U0ALICE", $"approve {first}"), StringComparison.Ordinal);
        Assert.Contains("You approved", await bot.CommandTextAsync("U0BOB", $"approve {first}"), StringComparison.Ordinal);
        Assert.Contains("You denied", await bot.CommandTextAsync("U0ERIN", $"deny {second} not during the freeze"), StringComparison.Ordinal);

        await bot.Webhook.WaitForCallAsync("grant", first, Wait);
        await bot.DmAsync("U0ALICE", second, "not during the freeze");
        Assert.Contains("There is no request JIT-999999", await bot.CommandTextAsync("U0BOB", "approve JIT-999999"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Revoke_ends_an_active_grant_early_for_the_requester_an_approver_or_an_admin_only()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Slack.AddUser("U0SEC", "sec@example.com", "Security");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        Assert.Contains("Only the requester", await bot.CommandTextAsync("U0MALLORY", $"revoke {id}"), StringComparison.Ordinal);
        Assert.Contains("Revoking", await bot.CommandTextAsync("U0SEC", $"revoke {id}"), StringComparison.Ordinal);

        await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        var line = await bot.AuditLineAsync(id, "grant.revoked");
        Assert.Contains("by sec@example.com", line.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("(early)", line.Arg("text"), StringComparison.Ordinal);
        await bot.DmAsync("U0ALICE", id, "revoked early");
        Assert.Contains($"{id} is revoked", await bot.CommandTextAsync("U0ALICE", $"revoke {id}"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Audit_shows_admins_recent_events_with_filters_and_refuses_everyone_else()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Slack.AddUser("U0SEC", "sec@example.com", "Security");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");

        Assert.Contains("Only admins", await bot.CommandTextAsync("U0ALICE", "audit"), StringComparison.Ordinal);
        var all = await bot.CommandTextAsync("U0SEC", "audit user:alice@example.com resource:payments-db since:1h");
        Assert.Contains($"[{id}] request.submitted by alice@example.com", all, StringComparison.Ordinal);
        Assert.Contains("No audit events match", await bot.CommandTextAsync("U0SEC", "audit resource:k8s-prod"), StringComparison.Ordinal);
        Assert.Contains("not a filter", await bot.CommandTextAsync("U0SEC", "audit whatever"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_request_nobody_decides_times_out_and_the_requester_is_told()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s["Jit:PendingTimeout"] = "3s");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");

        await bot.AuditLineAsync(id, "request.timed_out", Wait);
        await bot.DmAsync("U0ALICE", id, "timed out");
        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("imed out", StringComparison.Ordinal), Wait);
    }
}

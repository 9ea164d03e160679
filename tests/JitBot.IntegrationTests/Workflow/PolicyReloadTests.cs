using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Workflow;

public sealed class PolicyReloadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_broken_edit_keeps_the_last_good_policies_and_says_so_and_a_good_edit_applies_without_a_restart()
    {
        await using var bot = await BotHarness.StartAsync();
        var file = Path.Combine(bot.PolicyFolder, "payments.yaml");

        await File.WriteAllTextAsync(file, BotHarness.Policy.Replace("approvers: [group:leads]", "approvers: [group:nobody]", StringComparison.Ordinal));

        var notice = await bot.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == BotHarness.AuditChannel && (c.Arg("text") ?? "").Contains("rejected", StringComparison.Ordinal), Wait);
        Assert.Contains("payments.yaml:", notice.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("unknown group 'nobody'", notice.Arg("text"), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Policy change rejected", StringComparison.Ordinal));
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 still works");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);

        await File.WriteAllTextAsync(file, BotHarness.Policy.Replace("readonly: { maxDuration: 4h, approvals: 1 }", "readonly: { maxDuration: 4h, approvals: 1 }\n      audit: { maxDuration: 30m, approvals: 1 }", StringComparison.Ordinal));

        await bot.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == BotHarness.AuditChannel && (c.Arg("text") ?? "").Contains("Policies reloaded", StringComparison.Ordinal), Wait);
        Assert.Contains("filed", await bot.CommandTextAsync("U0ALICE", "request payments-db audit 10m INC-2 new role"), StringComparison.Ordinal);
    }
}

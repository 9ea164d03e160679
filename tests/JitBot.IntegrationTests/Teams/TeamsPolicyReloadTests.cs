using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Teams;

public sealed class TeamsPolicyReloadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_broken_edit_keeps_the_last_good_policies_and_tells_the_teams_audit_conversation()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var file = Path.Combine(bot.PolicyFolder, "payments.yaml");

        await File.WriteAllTextAsync(file, BotHarness.TeamsPolicy.Replace("approvers: [group:leads]", "approvers: [group:nobody]", StringComparison.Ordinal));

        var notice = await teams.AuditNoticeAsync("rejected");
        Assert.Contains("the last good policies stay in force", notice, StringComparison.Ordinal);
        Assert.Contains("payments.yaml:", notice, StringComparison.Ordinal);
        Assert.Contains("unknown group 'nobody'", notice, StringComparison.Ordinal);
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-1 still works");
        Assert.Contains("bob@example.com, carol@example.com, erin@example.com", TeamsWorld.Plain((await teams.CardPostedAsync(id)).Card!.ToJsonString()), StringComparison.Ordinal);
        await teams.ClickAsync(teams.Bob, "jit.approve", id);
        await bot.Webhook.WaitForCallAsync("grant", id, Wait);

        await File.WriteAllTextAsync(file, BotHarness.TeamsPolicy.Replace(
            "readonly: { maxDuration: 4h, approvals: 1 }", "readonly: { maxDuration: 4h, approvals: 1 }\n      audit: { maxDuration: 30m, approvals: 1 }", StringComparison.Ordinal));

        await teams.AuditNoticeAsync("Policies reloaded");
        Assert.Contains("filed", await teams.CommandTextAsync(teams.Alice, "request payments-replica audit 10m INC-2 new role"), StringComparison.Ordinal);
    }
}

using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class AuditLineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task Lines_are_posted_once_each_in_the_trails_order_even_when_slack_fails_for_a_while()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Slack.ServerErrorNext("chat.postMessage", times: 3);
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);

        Assert.Equal(
            ["request.submitted", "request.vote", "request.approved", "grant.active"],
            bot.AuditLines(id).Where(l => l.StatusCode == 200).Select(l => l.Arg("text")!.Split(' ')[1]));
        Assert.Equal(3, bot.Slack.Calls("chat.postMessage").Count(c => c.StatusCode != 200));
    }

    [RedisFact]
    public async Task Two_instances_on_one_store_post_each_line_once_and_a_restart_does_not_post_them_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var second = new BotFactory(bot.Settings, bot.Logs, bot.Clock);
        using var secondClient = second.CreateClient();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        await bot.StopBotAsync();
        await bot.StartBotAsync();
        Assert.Contains("Revoking", await bot.CommandTextAsync("U0ALICE", $"revoke {id}"), StringComparison.Ordinal);
        await bot.AuditLineAsync(id, "grant.revoked", Wait);

        var lines = bot.AuditLines(id).Select(l => l.Arg("text")!.Split(' ')[1]).ToList();
        Assert.Equal(["request.submitted", "request.vote", "request.approved", "grant.active", "grant.revoked"], lines);
    }
}

using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class DenyReasonTests
{
    [RedisFact]
    public async Task A_deny_by_someone_who_is_not_an_approver_keeps_the_modal_open_with_why_and_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        await bot.CardPostedAsync(id);

        using (var submission = await bot.DenyAsync("U0MALLORY", id, "I don't like it"))
        {
            var answer = await BotHarness.ViewAnswerAsync(submission);
            Assert.Equal("errors", answer!["response_action"]!.GetValue<string>());
            Assert.Contains("not an approver", answer["errors"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Contains("0 of 1", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.AuditLines(id), l => l.Arg("text")!.Contains("request.denied", StringComparison.Ordinal));
        Assert.Empty(bot.Slack.Calls("chat.postEphemeral"));
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed partial class ExtendButtonTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task The_reminders_extend_button_files_an_extension_that_once_approved_extends_the_grant()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s["Jit:ExpiryReminder"] = "4s");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 6s INC-1 needs more");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        var reminderCall = await bot.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "U0ALICE" && (c.Blocks?.ToJsonString() ?? "").Contains("jit.extend", StringComparison.Ordinal), Wait);
        var button = reminderCall.Blocks!.OfType<JsonObject>().Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]![0]!;
        Assert.Equal(("jit.extend", id), (button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        var reminder = bot.Slack.Messages("D0ALICE").Single(m => (m["blocks"]?.ToJsonString() ?? "").Contains("jit.extend", StringComparison.Ordinal));
        var (ts, text) = (reminder["ts"]!.GetValue<string>(), reminder["text"]!.GetValue<string>());
        Assert.Contains(id, text, StringComparison.Ordinal);

        using (var click = await bot.ClickInAsync("U0ALICE", "D0ALICE", "jit.extend", id, ts, text))
        {
            Assert.True(click.IsSuccessStatusCode);
        }

        var answer = (await bot.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == "U0ALICE" && c.Arg("channel") == "D0ALICE", Wait)).Arg("text")!;
        Assert.True(answer.Contains("filed", StringComparison.Ordinal) || answer.Contains("auto-approved", StringComparison.Ordinal), answer);
        var extension = RequestId().Matches(answer).Select(m => m.Value).First(v => v != id);
        Assert.DoesNotContain("jit.extend", bot.Slack.Message("D0ALICE", ts)!["blocks"]!.ToJsonString(), StringComparison.Ordinal);

        await bot.CardPostedAsync(extension);
        using (await bot.ClickAsync("U0ERIN", "jit.approve", extension))
        {
        }

        var extended = await bot.AuditLineAsync(id, "grant.extended", Wait);
        Assert.Contains($"through {extension}", extended.Arg("text"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}

using System.Text.Json.Nodes;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class RequestFormTests
{
    public const string Policy = """
        team: payments
        groups:
          oncall: [alice@example.com]
          leads: [bob@example.com, erin@example.com]
        resources:
          payments-db:
            description: Payments production PostgreSQL
            connector: payments-db
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
              admin: { maxDuration: 1h, approvals: 1 }
          ledger-db:
            connector: payments-db
            requesters: [user:mallory@example.com]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 1h, approvals: 1 }
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Request_without_arguments_opens_a_form_offering_only_what_the_person_may_request()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);

        using (var response = await bot.CommandAsync("U0ALICE", "request"))
        {
            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        var view = await bot.Slack.WaitForViewAsync("jit.request_form", null, Wait);
        Assert.Equal(["payments-db admin", "payments-db readonly"], OptionValues(view));
        Assert.DoesNotContain("ledger-db", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(BotHarness.CommandChannel, view["private_metadata"]!.GetValue<string>());
    }

    [RedisFact]
    public async Task A_submitted_form_files_the_request_posts_its_card_and_tells_the_requester()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        var view = await OpenFormAsync(bot);

        using var response = await SubmitAsync(bot, view, "payments-db readonly", "2h", "INC-4312 checking lag");

        Assert.Null(await BotHarness.ViewAnswerAsync(response));
        var answer = await bot.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == "U0ALICE" && (c.Arg("text") ?? "").Contains("filed", StringComparison.Ordinal), Wait);
        Assert.Equal(BotHarness.CommandChannel, answer.Arg("channel"));
        var id = System.Text.RegularExpressions.Regex.Match(answer.Arg("text")!, @"JIT-\d+").Value;
        var card = await bot.CardPostedAsync(id);
        Assert.Contains("INC-4312 checking lag", card.Blocks!.ToJsonString(), StringComparison.Ordinal);
        await bot.AuditLineAsync(id, "request.submitted");
    }

    [RedisFact]
    public async Task A_duration_over_the_roles_limit_keeps_the_form_open_with_the_error_and_files_nothing()
    {
        await using var bot = await BotHarness.StartAsync(policy: Policy);
        var view = await OpenFormAsync(bot);

        using var response = await SubmitAsync(bot, view, "payments-db admin", "3h", "INC-1 migration");

        var body = await BotHarness.ViewAnswerAsync(response);
        Assert.Equal("errors", body!["response_action"]!.GetValue<string>());
        Assert.Contains("at most 1h", body["errors"]!["duration"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no pending requests", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == BotHarness.ApproverChannel);
    }

    private static async Task<JsonObject> OpenFormAsync(BotHarness bot)
    {
        using (await bot.CommandAsync("U0ALICE", "request"))
        {
        }

        return await bot.Slack.WaitForViewAsync("jit.request_form", null, Wait);
    }

    private static Task<HttpResponseMessage> SubmitAsync(BotHarness bot, JsonObject view, string choice, string duration, string reason) =>
        bot.SubmitViewAsync("U0ALICE", view, new Dictionary<string, string> { ["choice"] = choice, ["duration"] = duration, ["reason"] = reason });

    private static List<string> OptionValues(JsonObject view) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "choice")!["element"]!["option_groups"]!.AsArray()
            .SelectMany(g => g!["options"]!.AsArray()).Select(o => o!["value"]!.GetValue<string>()).ToList();
}

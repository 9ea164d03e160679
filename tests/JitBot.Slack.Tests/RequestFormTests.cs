using System.Net;
using System.Text.Json.Nodes;
using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Scheduling;
using JitBot.Testing.Builders;
using JitBot.Testing.Slack;
using NSubstitute;

namespace JitBot.Slack.Tests;

public sealed class RequestFormTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        _host.Slack.AddUser("U0ALICE", "alice@example.com", "Alice Adams");
        _host.Slack.AddUser("U0MALLORY", "mallory@example.com", "Mallory");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_without_arguments_opens_the_form_with_the_commands_trigger_and_answers_an_empty_200()
    {
        var fields = SlackRequestSigner.SlashCommandFields("U0ALICE", "C0PAY", "request");
        var body = System.Text.Encoding.UTF8.GetBytes(SlackRequestSigner.FormEncode(fields));

        using var response = await _host.SendAsync(_host.Signer.Signed(_host.Url("/slack/commands"), body, SlackRequestSigner.FormContentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(fields.Single(f => f.Key == "trigger_id").Value, Assert.Single(_host.Slack.Calls("views.open")).Arg("trigger_id"));
        var view = Assert.Single(_host.Slack.OpenedViews());
        Assert.Equal(("jit.request_form", "C0PAY"), (Str(view["callback_id"]), Str(view["private_metadata"])));
        Assert.Equal(["payments-cache operator", "payments-db admin", "payments-db readonly"], OptionValues(view));
        Assert.Contains("payments-db / readonly (up to 4h)", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["choice", "duration", "reason"], InputBlocks(view));
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Fact]
    public async Task The_form_offers_only_what_the_person_may_request()
    {
        using (await CommandAsync("U0MALLORY", "request"))
        {
        }

        var view = Assert.Single(_host.Slack.OpenedViews());
        Assert.Equal(["payments-cache operator"], OptionValues(view));
        Assert.DoesNotContain("payments-db", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_may_request_nothing_is_told_so_and_no_form_opens()
    {
        await using var host = await SlackTestHost.StartAsync(policies: Some.Policies(Some.PolicyYaml.Replace("requesters: [\"*\"]", "requesters: [user:zoe@example.com]", StringComparison.Ordinal)));
        host.Slack.AddUser("U0MALLORY", "mallory@example.com", "Mallory");

        using var response = await host.SendAsync(host.Signer.SlashCommand(host.Url("/slack/commands"), "U0MALLORY", "C0PAY", "request"));

        Assert.StartsWith("No policy lets you request anything", Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]), StringComparison.Ordinal);
        Assert.Empty(host.Slack.Calls("views.open"));
    }

    [Fact]
    public async Task When_the_form_cannot_open_the_answer_says_why_and_shows_the_typed_form()
    {
        _host.Slack.FailNext("views.open", "trigger_expired");

        using var response = await CommandAsync("U0ALICE", "request");

        var text = Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);
        Assert.Contains("trigger_expired", text, StringComparison.Ordinal);
        Assert.Contains("Usage: request", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_runs_the_request_command_closes_the_form_and_answers_in_the_channel_afterwards()
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply("JIT-7 filed: payments-db readonly for 2h."));
        var view = await OpenAsync();

        using var response = await SubmitAsync(view, "payments-db readonly", " 2h ", "INC-1 checking lag");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await _host.Router.Received(1).HandleAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "alice@example.com" && c.Channel == "C0PAY"),
            "request payments-db readonly 2h INC-1 checking lag",
            Arg.Any<CancellationToken>());
        await _host.Scheduler.Received(1).EnqueueAsync(
            new Work.Reply(new PrivateReply(Platform.Slack, "C0PAY", "U0ALICE", "JIT-7 filed: payments-db readonly for 2h.")), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("5h is longer than payments-db readonly allows: at most 4h.", "duration")]
    [InlineData("'5x' is not a duration: use a number and a unit, like 90s, 15m, 2h or 1d.", "duration")]
    [InlineData("The reason must name a ticket (matching INC-\\d+), e.g. INC-4312.", "reason")]
    [InlineData("Say why you need access: a reason (e.g. a ticket) after the duration.", "reason")]
    [InlineData("You are not allowed to request payments-db: the payments team's policy does not list you as a requester.", "choice")]
    [InlineData("payments-db has no role 'x'. Its roles: readonly, admin.", "choice")]
    public async Task A_refusal_keeps_the_form_open_with_the_problem_under_its_input(string shown, string block)
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply(shown + "\nUsage: " + Usage.Request));
        var view = await OpenAsync();

        using var response = await SubmitAsync(view, "payments-db readonly", "5h", "lag");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", Str(body["response_action"]));
        Assert.Equal(shown, Str(body["errors"]![block]));
        await _host.Scheduler.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Theory]
    [InlineData("2 hours")]
    [InlineData("2h; rm")]
    public async Task A_duration_that_does_not_parse_is_refused_before_the_core_sees_it(string duration)
    {
        var view = await OpenAsync();

        using var response = await SubmitAsync(view, "payments-db readonly", duration, "INC-1 lag");

        Assert.Contains("is not a duration", Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["duration"]), StringComparison.Ordinal);
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    private Task<HttpResponseMessage> CommandAsync(string userId, string text) =>
        _host.SendAsync(_host.Signer.SlashCommand(_host.Url("/slack/commands"), userId, "C0PAY", text));

    private async Task<JsonObject> OpenAsync()
    {
        using (await CommandAsync("U0ALICE", "request"))
        {
        }

        return _host.Slack.OpenedViews()[^1];
    }

    private Task<HttpResponseMessage> SubmitAsync(JsonObject view, string choice, string duration, string reason) =>
        _host.SendAsync(_host.Signer.ViewSubmission(
            _host.Url("/slack/interactions"),
            "U0ALICE",
            view,
            new Dictionary<string, string> { ["choice"] = choice, ["duration"] = duration, ["reason"] = reason }));

    private static List<string> OptionValues(JsonObject view) =>
        view["blocks"]!.AsArray().Single(b => Str(b!["block_id"]) == "choice")!["element"]!["option_groups"]!.AsArray()
            .SelectMany(g => g!["options"]!.AsArray()).Select(o => Str(o!["value"])!).ToList();

    private static List<string> InputBlocks(JsonObject view) =>
        view["blocks"]!.AsArray().Where(b => Str(b!["type"]) == "input").Select(b => Str(b!["block_id"])!).ToList();

    private static string? Str(JsonNode? node) => node?.GetValue<string>();
}

using System.Net;
using System.Text.Json.Nodes;
using JitBot.Core.Commands;
using JitBot.Core.Lifecycle;
using JitBot.Testing.Slack;
using NSubstitute;

namespace JitBot.Slack.Tests;

public sealed class DenyModalTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        _host.Slack.AddUser("U0BOB", "bob@example.com", "Bob Boss");
        _host.Votes.VoteAsync(default!, default!, default, default, default).ReturnsForAnyArgs(new VoteOutcome(true, "You denied JIT-1042."));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_deny_click_opens_the_reason_modal_with_the_clicks_trigger_and_votes_nothing_yet()
    {
        var payload = SlackPayloads.ButtonClick("U0BOB", "C0PAYAPPROVE", "jit.deny", "JIT-1042");

        using var response = await _host.SendAsync(_host.Signer.Interaction(_host.Url("/slack/interactions"), payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var call = Assert.Single(_host.Slack.Calls("views.open"));
        Assert.Equal(JsonNode.Parse(payload)!["trigger_id"]!.GetValue<string>(), call.Arg("trigger_id"));
        var view = Assert.Single(_host.Slack.OpenedViews());
        Assert.Equal(("jit.deny_reason", "JIT-1042|C0PAYAPPROVE"), (Str(view["callback_id"]), Str(view["private_metadata"])));
        var input = view["blocks"]!.AsArray().Single(b => Str(b!["type"]) == "input")!;
        Assert.Equal(("reason", "plain_text_input", false), (Str(input["block_id"]), Str(input["element"]!["type"]), input["optional"]!.GetValue<bool>()));
        Assert.Empty(_host.Slack.Calls("users.info"));
        await _host.Votes.DidNotReceiveWithAnyArgs().VoteAsync(default!, default!, default, default, default);
        await _host.Votes.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default, default, default);
    }

    [Fact]
    public async Task Submitting_the_reason_denies_as_the_submitter_in_the_cards_channel_and_closes_the_modal()
    {
        var view = await OpenAsync("JIT-1042");

        using var response = await SubmitAsync(view, "  use the replica  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await _host.Votes.Received(1).VoteAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "bob@example.com" && c.Channel == "C0PAYAPPROVE"),
            "JIT-1042",
            false,
            "use the replica",
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_refused_denial_keeps_the_modal_open_with_the_refusal_under_the_reason()
    {
        _host.Votes.VoteAsync(default!, default!, default, default, default).ReturnsForAnyArgs(new VoteOutcome(false, "JIT-1042 is already Approved."));
        var view = await OpenAsync("JIT-1042");

        using var response = await SubmitAsync(view, "too late?");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", Str(body["response_action"]));
        Assert.Equal("JIT-1042 is already Approved.", Str(body["errors"]!["reason"]));
        Assert.Empty(_host.Slack.Calls("chat.postEphemeral"));
    }

    [Fact]
    public async Task A_blank_reason_is_asked_for_again_and_votes_nothing()
    {
        var view = await OpenAsync("JIT-1042");

        using var response = await SubmitAsync(view, "   ");

        Assert.Contains("Say why", Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["reason"]), StringComparison.Ordinal);
        await _host.Votes.DidNotReceiveWithAnyArgs().VoteAsync(default!, default!, default, default, default);
    }

    [Fact]
    public async Task When_the_modal_cannot_open_the_clicker_is_told_how_to_deny_by_command()
    {
        _host.Slack.FailNext("views.open", "trigger_expired");

        using var response = await _host.SendAsync(_host.Signer.ButtonClick(_host.Url("/slack/interactions"), "U0BOB", "C0PAYAPPROVE", "jit.deny", "JIT-1042"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ephemeral = Assert.Single(_host.Slack.Calls("chat.postEphemeral"));
        Assert.Contains("trigger_expired", ephemeral.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("/jit deny JIT-1042", ephemeral.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_whose_metadata_was_tampered_with_votes_nothing()
    {
        var view = await OpenAsync("JIT-1042");
        view["private_metadata"] = "not-a-request";

        using var response = await SubmitAsync(view, "reason");

        Assert.Equal("errors", Str(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response_action"]));
        await _host.Votes.DidNotReceiveWithAnyArgs().VoteAsync(default!, default!, default, default, default);
    }

    private async Task<JsonObject> OpenAsync(string requestId)
    {
        using (await _host.SendAsync(_host.Signer.ButtonClick(_host.Url("/slack/interactions"), "U0BOB", "C0PAYAPPROVE", "jit.deny", requestId)))
        {
        }

        return _host.Slack.OpenedViews()[^1];
    }

    private Task<HttpResponseMessage> SubmitAsync(JsonObject view, string reason) =>
        _host.SendAsync(_host.Signer.ViewSubmission(_host.Url("/slack/interactions"), "U0BOB", view, new Dictionary<string, string> { ["reason"] = reason }));

    private static string? Str(JsonNode? node) => node?.GetValue<string>();
}

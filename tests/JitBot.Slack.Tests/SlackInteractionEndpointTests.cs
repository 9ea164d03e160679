using System.Net;
using System.Text;
using JitBot.Core.Commands;
using JitBot.Core.Lifecycle;
using JitBot.Testing.Slack;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace JitBot.Slack.Tests;

public sealed class SlackInteractionEndpointTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        _host.Slack.AddUser("U0BOB", "bob@example.com", "Bob Boss");
        _host.Votes.HandleAsync(default!, default!, default, default, default).ReturnsForAnyArgs(new VoteOutcome(true, "counted"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_approve_click_is_a_vote_by_the_clicker_on_the_request()
    {
        using var response = await ClickAsync("U0BOB", "jit.approve", "JIT-1042");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await _host.Votes.Received(1).HandleAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "bob@example.com" && c.Person.PlatformUserId == "U0BOB" && c.Channel == "C0PAYAPPROVE"),
            "JIT-1042",
            true,
            null,
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_channel_comes_from_the_container_when_the_payload_has_none()
    {
        var payload = SlackPayloads.ButtonClick("U0BOB", "C0PAYAPPROVE", "jit.approve", "JIT-7").Replace("\"channel\":{\"id\":\"C0PAYAPPROVE\",\"name\":\"approvals\"},", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"channel\":", payload, StringComparison.Ordinal);

        using var response = await _host.SendAsync(_host.Signer.Interaction(_host.Url("/slack/interactions"), payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Votes.Received(1).HandleAsync(Arg.Is<ChatContext>(c => c.Channel == "C0PAYAPPROVE"), "JIT-7", true, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_unknown_action_is_acknowledged_and_ignored()
    {
        using var response = await ClickAsync("U0BOB", "someone.elses.button", "JIT-1042");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoVoteAsync();
        Assert.Empty(_host.Slack.Calls());
    }

    [Fact]
    public async Task Other_interaction_types_are_acknowledged_and_ignored()
    {
        using var response = await _host.SendAsync(_host.Signer.Interaction(_host.Url("/slack/interactions"), "{\"type\":\"view_closed\",\"user\":{\"id\":\"U0BOB\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoVoteAsync();
    }

    [Fact]
    public async Task An_unsigned_click_is_refused_and_counts_nothing()
    {
        var body = Encoding.UTF8.GetBytes(SlackRequestSigner.FormEncode([new("payload", SlackPayloads.ButtonClick("U0BOB", "C1", "jit.approve", "JIT-1"))]));

        using var response = await _host.SendAsync(SlackRequestSigner.Unsigned(_host.Url("/slack/interactions"), body, SlackRequestSigner.FormContentType));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoVoteAsync();
    }

    [Fact]
    public async Task A_click_signed_six_minutes_ago_is_refused()
    {
        using var response = await _host.SendAsync(_host.Signer.ButtonClick(
            _host.Url("/slack/interactions"), "U0BOB", "C1", "jit.approve", "JIT-1", DateTimeOffset.UtcNow.AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoVoteAsync();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task A_payload_that_is_not_json_is_a_bad_request(string payload)
    {
        using var response = await _host.SendAsync(_host.Signer.Interaction(_host.Url("/slack/interactions"), payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("payload", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoVoteAsync();
    }

    [Fact]
    public async Task A_clicker_without_a_visible_email_is_told_privately_and_counts_nothing()
    {
        _host.Slack.AddUser("U0NOMAIL", email: null, "No Mail");

        using var response = await ClickAsync("U0NOMAIL", "jit.approve", "JIT-1042");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoVoteAsync();
        var ephemeral = Assert.Single(_host.Slack.Calls("chat.postEphemeral"));
        Assert.Equal(("C0PAYAPPROVE", "U0NOMAIL"), (ephemeral.Arg("channel"), ephemeral.Arg("user")));
        Assert.StartsWith("I can't see your email", ephemeral.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_vote_handler_still_acknowledges_and_tells_the_clicker()
    {
        _host.Votes.HandleAsync(default!, default!, default, default, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("boom"));

        using var response = await ClickAsync("U0BOB", "jit.approve", "JIT-1042");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Sorry, something went wrong", Assert.Single(_host.Slack.Calls("chat.postEphemeral")).Arg("text"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ClickAsync(string userId, string actionId, string value) =>
        _host.SendAsync(_host.Signer.ButtonClick(_host.Url("/slack/interactions"), userId, "C0PAYAPPROVE", actionId, value));

    private async Task AssertNoVoteAsync() => await _host.Votes.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default, default, default);
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Testing.Slack;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace JitBot.Slack.Tests;

public sealed class SlackCommandEndpointTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        _host.Slack.AddUser("U0ALICE", "alice@example.com", "Alice Adams");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_signed_command_runs_the_router_as_the_person_and_answers_ephemerally()
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply("Filed JIT-1042 for <payments-db> & co"));

        using var response = await _host.SendAsync(_host.Signer.SlashCommand(_host.Url("/slack/commands"), "U0ALICE", "C0PAY", "request payments-db 2h INC-4312 lag"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Equal("Filed JIT-1042 for &lt;payments-db&gt; &amp; co", body["text"]!.GetValue<string>());
        await _host.Router.Received(1).HandleAsync(
            Arg.Is<ChatContext>(c => c.Channel == "C0PAY" && c.Person.Email == "alice@example.com" && c.Person.Platform == Platform.Slack && c.Person.PlatformUserId == "U0ALICE"),
            "request payments-db 2h INC-4312 lag",
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_unsigned_command_is_refused_and_the_router_never_called()
    {
        var body = Encoding.UTF8.GetBytes(SlackRequestSigner.FormEncode(SlackRequestSigner.SlashCommandFields("U0ALICE", "C0PAY", "list")));

        using var response = await _host.SendAsync(SlackRequestSigner.Unsigned(_host.Url("/slack/commands"), body, SlackRequestSigner.FormContentType));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_forged_command_is_refused_and_the_router_never_called()
    {
        var forger = new SlackRequestSigner("guessed-secret");

        using var response = await _host.SendAsync(forger.SlashCommand(_host.Url("/slack/commands"), "U0ALICE", "C0PAY", "approve JIT-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("signature mismatch", await response.Content.ReadAsStringAsync());
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_command_signed_six_minutes_away_from_now_is_refused(int minutes)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(minutes);

        using var response = await _host.SendAsync(_host.Signer.SlashCommand(_host.Url("/slack/commands"), "U0ALICE", "C0PAY", "list", at));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_ssl_check_is_acknowledged_and_nothing_else()
    {
        var body = Encoding.UTF8.GetBytes("ssl_check=1&token=deprecated");

        using var response = await _host.SendAsync(_host.Signer.Signed(_host.Url("/slack/commands"), body, SlackRequestSigner.FormContentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_person_without_a_visible_email_is_told_why_and_nothing_runs()
    {
        _host.Slack.AddUser("U0NOMAIL", email: null, "No Mail");

        var text = await EphemeralTextAsync("U0NOMAIL", "list");

        Assert.StartsWith("I can't see your email", text, StringComparison.Ordinal);
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_failing_users_info_still_answers_200_with_an_explanation()
    {
        _host.Slack.FailNext("users.info", "missing_scope");

        var text = await EphemeralTextAsync("U0ALICE", "list");

        Assert.Contains("missing_scope", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_router_answers_200_with_an_apology_and_no_stack_trace()
    {
        _host.Router.HandleAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("store exploded at Foo.Bar()"));

        var text = await EphemeralTextAsync("U0ALICE", "list");

        Assert.StartsWith("Sorry, something went wrong", text, StringComparison.Ordinal);
        Assert.DoesNotContain("exploded", text, StringComparison.Ordinal);
    }

    private async Task<string> EphemeralTextAsync(string userId, string command)
    {
        using var response = await _host.SendAsync(_host.Signer.SlashCommand(_host.Url("/slack/commands"), userId, "C0PAY", command));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        return body["text"]!.GetValue<string>();
    }

    private async Task AssertNothingHappenedAsync()
    {
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
        Assert.Empty(_host.Slack.Calls());
    }
}

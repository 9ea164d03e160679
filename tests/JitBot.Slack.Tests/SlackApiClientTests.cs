using System.Net;
using System.Text.Json.Nodes;
using JitBot.Slack.Api;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Slack.Tests;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeSlackServer _slack = null!;
    private SlackApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestClients.Token);
        _client = TestClients.For(_slack, _time);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_message_is_posted_as_utf8_json_with_the_bearer_token()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "héllo" } });

        var posted = await _client.PostMessageAsync("C0APPROVE", new SlackMessage("héllo", blocks), default);

        var call = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("Bearer " + TestClients.Token, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C0APPROVE", call.Arg("channel"));
        Assert.Equal("héllo", call.Arg("text"));
        Assert.Equal("héllo", call.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Null(call.Json!["token"]);
        Assert.Equal(new SlackMessageRef("C0APPROVE", _slack.Message("C0APPROVE", posted.Ts)!["ts"]!.GetValue<string>()), posted);
    }

    [Fact]
    public async Task Every_posted_message_gets_its_own_ts()
    {
        var first = await _client.PostMessageAsync("C1", new SlackMessage("a"), default);
        var second = await _client.PostMessageAsync("C1", new SlackMessage("b"), default);

        Assert.NotEqual(first.Ts, second.Ts);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_error_with_slacks_code_and_without_the_token()
    {
        _slack.FailNext("chat.postMessage", "channel_not_found");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync("C404", new SlackMessage("x"), default));

        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal("chat.postMessage", error.ApiMethod);
        Assert.True(error.IsApiError);
        Assert.DoesNotContain(TestClients.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_by_slack_as_invalid_auth()
    {
        _slack.BotToken = "xoxb-another";

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostEphemeralAsync("C1", "U1", "x", default));

        Assert.Equal("invalid_auth", error.Error);
    }

    [Fact]
    public async Task A_429_is_honoured_for_retry_after_then_retried_until_it_succeeds()
    {
        _slack.RateLimitNext("chat.postMessage", times: 2, retryAfterSeconds: 1);

        var posting = _client.PostMessageAsync("C1", new SlackMessage("hi"), default);
        await _slack.WaitUntilAsync(() => _slack.Calls("chat.postMessage").Count == 1, TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromMilliseconds(900));
        await Task.Delay(100);
        Assert.Single(_slack.Calls("chat.postMessage"));

        await _time.AdvanceUntilDoneAsync(posting);

        Assert.Equal([429, 429, 200], _slack.Calls("chat.postMessage").Select(c => c.StatusCode));
        Assert.True(posting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Rate_limiting_that_never_ends_gives_up_after_five_retries()
    {
        _slack.RateLimitNext("chat.update", times: 10);

        var updating = _client.UpdateMessageAsync("C1", "1.1", new SlackMessage("x"), default);
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _time.AdvanceUntilDoneAsync(updating, TimeSpan.FromSeconds(1)));

        Assert.Equal("ratelimited", error.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(1 + SlackApiClient.MaxRateLimitRetries, _slack.Calls("chat.update").Count);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_backoff()
    {
        _slack.ServerErrorNext("chat.postEphemeral", times: 2);

        var took = await _time.AdvanceUntilDoneAsync(_client.PostEphemeralAsync("C1", "U1", "x", default));

        Assert.Equal([503, 503, 200], _slack.Calls("chat.postEphemeral").Select(c => c.StatusCode));
        Assert.True(took >= TimeSpan.FromSeconds(3), $"backoff of 1s then 2s expected, took {took}");
    }

    [Fact]
    public async Task A_5xx_that_persists_is_thrown_as_an_outage_not_an_api_error()
    {
        _slack.ServerErrorNext("users.info", times: 10, statusCode: 502);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _time.AdvanceUntilDoneAsync(_client.GetUserAsync("U1", default), TimeSpan.FromSeconds(1)));

        Assert.Equal("http_502", error.Error);
        Assert.False(error.IsApiError);
        Assert.Equal(1 + SlackApiClient.MaxTransientRetries, _slack.Calls("users.info").Count);
    }

    [Fact]
    public async Task Users_info_is_a_get_with_a_query_string()
    {
        _slack.AddUser("U0ALICE", "Alice@Example.com", "Alice Adams");

        var user = await _client.GetUserAsync("U0ALICE", default);

        var call = Assert.Single(_slack.Calls("users.info"));
        Assert.Equal("GET", call.HttpMethod);
        Assert.Equal("U0ALICE", call.Parameters["user"]);
        Assert.Equal("Bearer " + TestClients.Token, call.Authorization);
        Assert.Equal(new SlackUser("U0ALICE", "Alice@Example.com", "Alice Adams", IsDeleted: false, IsBot: false), user);
    }

    [Fact]
    public async Task An_unknown_user_is_slacks_user_not_found()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.GetUserAsync("U404", default));

        Assert.Equal("user_not_found", error.Error);
    }

    [Fact]
    public async Task Update_and_ephemeral_and_open_send_their_arguments()
    {
        var posted = await _client.PostMessageAsync("C1", new SlackMessage("v1"), default);

        await _client.UpdateMessageAsync("C1", posted.Ts, new SlackMessage("v2"), default);
        await _client.PostEphemeralAsync("C1", "U0BOB", "only you", default);
        var dm = await _client.OpenDirectMessageAsync("U0BOB", default);

        Assert.Equal("v2", _slack.Message("C1", posted.Ts)!["text"]!.GetValue<string>());
        var ephemeral = Assert.Single(_slack.Calls("chat.postEphemeral"));
        Assert.Equal(("C1", "U0BOB", "only you"), (ephemeral.Arg("channel"), ephemeral.Arg("user"), ephemeral.Arg("text")));
        Assert.Equal("D0BOB", dm);
    }
}

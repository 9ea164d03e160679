using System.Net;
using System.Text.Json.Nodes;
using JitBot.Teams.Api;
using JitBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Teams.Tests;

public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string Channel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FakeTeamsMember _alice = FakeTeamsMember.Create("Alice", "alice@example.com");
    private FakeBotIdentityServer _identity = null!;
    private FakeBotConnector _connector = null!;
    private BotTokenProvider _tokens = null!;
    private BotConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _identity = await TeamsClients.IdentityAsync();
        _connector = await FakeBotConnector.StartAsync(_identity.IsIssued);
        _connector.AddMember(_alice);
        _tokens = TeamsClients.Tokens(_identity, _time);
        _client = TeamsClients.Connector(_tokens, _time);
    }

    public async Task DisposeAsync()
    {
        _tokens.Dispose();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task Ids_are_escaped_into_the_path_and_joined_to_the_service_url_with_one_slash()
    {
        var thread = Channel + ";messageid=1759881511856";

        var id = await _client.SendAsync(_connector.ServiceUrl.TrimEnd('/'), thread, Message("hi"), default);

        var call = Assert.Single(_connector.Calls("send"));
        Assert.Equal("/teams/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities", call.RawTarget);
        Assert.Equal(thread, call.ConversationId);
        Assert.Equal(id, call.ResultId);
        Assert.StartsWith("Bearer bf-access-", call.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_is_updated_in_place()
    {
        var id = await _client.SendAsync(_connector.ServiceUrl, Channel, Message("before"), default);

        await _client.UpdateAsync(_connector.ServiceUrl, Channel, id, Message("after"), default);

        Assert.Equal("after", _connector.Activity(Channel, id)!["text"]!.GetValue<string>());
        Assert.Equal("PUT", Assert.Single(_connector.Calls("update")).HttpMethod);
    }

    [Fact]
    public async Task A_refused_token_is_replaced_once_and_the_call_retried()
    {
        await _tokens.GetTokenAsync(default);
        _connector.FailNext("send", 401);

        await _client.SendAsync(_connector.ServiceUrl, Channel, Message("hi"), default);

        Assert.Equal(2, _identity.TokenRequests.Count);
        Assert.Equal([401, 201], _connector.Calls("send").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_throttled_call_waits_for_retry_after()
    {
        await _tokens.GetTokenAsync(default);
        _connector.FailNext("send", 429, retryAfterSeconds: 5);

        var sending = _client.SendAsync(_connector.ServiceUrl, Channel, Message("hi"), default);
        var waited = await _time.AdvanceUntilDoneAsync(sending);

        Assert.True(waited >= TimeSpan.FromSeconds(5), $"waited only {waited}");
        Assert.Equal([429, 201], _connector.Calls("send").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Bad_gateway_and_precondition_failed_are_retried_but_a_client_error_is_not()
    {
        _connector.FailNext("send", 502);
        _connector.FailNext("send", 412);
        await _time.AdvanceUntilDoneAsync(_client.SendAsync(_connector.ServiceUrl, Channel, Message("hi"), default));

        _connector.FailNext("send", 400);
        var error = await Assert.ThrowsAsync<TeamsApiException>(() => _client.SendAsync(_connector.ServiceUrl, Channel, Message("again"), default));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal([502, 412, 201, 400], _connector.Calls("send").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_blocked_bot_is_reported_with_teams_error_code()
    {
        _connector.FailNext("send", 403, body: """{"errorCode":209,"message":"MessageWritesBlocked"}""");

        var error = await Assert.ThrowsAsync<TeamsApiException>(() => _client.SendAsync(_connector.ServiceUrl, "a:1dm", Message("hi"), default));

        Assert.Equal("209", error.Error);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_member_is_looked_up_and_an_unknown_one_is_null()
    {
        var member = await _client.GetMemberAsync(_connector.ServiceUrl, Channel, _alice.Id, default);
        var nobody = await _client.GetMemberAsync(_connector.ServiceUrl, Channel, "29:nobody", default);

        Assert.Equal(new TeamsMember(_alice.Id, "Alice", _alice.AadObjectId, "alice@example.com", "alice@example.com", null), member);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task A_conversation_is_created_with_the_bot_the_member_and_the_tenant()
    {
        var id = await _client.CreateConversationAsync(_connector.ServiceUrl, "28:" + TeamsClients.AppId, _alice.Id, TeamsClients.TenantId, default);

        var body = Assert.Single(_connector.Calls("create")).Json!;
        Assert.Equal(_connector.DirectChatOf(_alice), id);
        Assert.Equal(TeamsClients.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(TeamsClients.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(body["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_token_is_never_sent_to_a_plain_http_host_off_loopback()
    {
        await Assert.ThrowsAsync<TeamsApiException>(() => _client.SendAsync("http://smba.example.com/teams/", Channel, Message("hi"), default));

        Assert.Empty(_identity.TokenRequests);
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JitBot.Testing.Slack;

namespace JitBot.Slack.Tests;

public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_url_verification_challenge_is_answered()
    {
        using var response = await _host.SendAsync(_host.Signer.Event(_host.Url("/slack/events"), SlackPayloads.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unsigned_challenge_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(SlackPayloads.UrlVerification("abc"));

        using var response = await _host.SendAsync(SlackRequestSigner.Unsigned(_host.Url("/slack/events"), body, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("abc", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_events_are_acknowledged()
    {
        using var response = await _host.SendAsync(_host.Signer.Event(_host.Url("/slack/events"), "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request()
    {
        using var response = await _host.SendAsync(_host.Signer.Event(_host.Url("/slack/events"), "challenge=abc"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

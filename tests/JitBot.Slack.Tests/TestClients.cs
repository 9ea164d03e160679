using JitBot.Slack.Api;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Tests;

internal static class TestClients
{
    public const string Token = "xoxb-test-token-123";

    public static SlackApiClient For(FakeSlackServer slack, TimeProvider time) =>
        new(new HttpClient { BaseAddress = new Uri(slack.BaseUrl) }, Options.Create(new SlackOptions { BotToken = Token, SigningSecret = "s" }), time, NullLogger<SlackApiClient>.Instance);
}

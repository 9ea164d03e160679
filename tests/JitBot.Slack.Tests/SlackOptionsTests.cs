using JitBot.Slack.Configuration;

namespace JitBot.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Theory]
    [InlineData("https://slack.com/api/")]
    [InlineData("https://slack.example.org/api")]
    [InlineData("http://127.0.0.1:5123/api/")]
    [InlineData("http://localhost:5123/api/")]
    [InlineData("http://[::1]:5123/api/")]
    public void Https_and_loopback_http_are_accepted(string url) =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { ApiBaseUrl = url }).Succeeded);

    [Theory]
    [InlineData("http://slack.com/api/", "not loopback")]
    [InlineData("http://10.0.0.5/api/", "not loopback")]
    [InlineData("ftp://slack.com/api/", "https://")]
    [InlineData("slack.com/api", "absolute")]
    public void Anything_else_is_a_start_up_error_naming_the_key(string url, string why)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { ApiBaseUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("Slack:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(why, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secret", "xoxb-1", true)]
    [InlineData("secret", "", false)]
    [InlineData("", "xoxb-1", false)]
    [InlineData(" ", " ", false)]
    public void Slack_is_enabled_only_when_both_secrets_are_set(string secret, string token, bool enabled) =>
        Assert.Equal(enabled, new SlackOptions { SigningSecret = secret, BotToken = token }.IsEnabled);

    [Theory]
    [InlineData("http://127.0.0.1:5000/api", "http://127.0.0.1:5000/api/")]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api/")]
    [InlineData("", "https://slack.com/api/")]
    public void The_base_url_always_ends_in_a_slash_so_methods_resolve_under_it(string configured, string expected) =>
        Assert.Equal(expected, new SlackOptions { ApiBaseUrl = configured }.ApiBaseUri.ToString());

    [Fact]
    public void Options_never_print_their_secrets() =>
        Assert.DoesNotContain("xoxb", new SlackOptions { BotToken = "xoxb-secret" }.ToString(), StringComparison.Ordinal);
}

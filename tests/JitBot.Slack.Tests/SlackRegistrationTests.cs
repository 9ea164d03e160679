using System.Net;
using System.Text;
using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Tests;

public sealed class SlackRegistrationTests
{
    [Fact]
    public async Task When_slack_is_enabled_it_is_an_additional_chat_platform()
    {
        await using var host = await SlackTestHost.StartAsync();

        Assert.True(host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled);
        var platform = Assert.Single(host.Services.GetServices<IChatPlatform>());
        Assert.Equal(Platform.Slack, platform.Platform);
        Assert.Equal("slack-usergroup", Assert.Single(host.Services.GetServices<IPrincipalSource>()).Kind);
    }

    [Fact]
    public async Task When_slack_is_disabled_nothing_is_registered_and_the_endpoints_are_404()
    {
        await using var host = await SlackTestHost.StartAsync(slackEnabled: false);
        var body = Encoding.UTF8.GetBytes("ssl_check=1");

        using var response = await host.SendAsync(host.Signer.Signed(host.Url("/slack/commands"), body, SlackRequestSigner.FormContentType));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled);
        Assert.Empty(host.Services.GetServices<IChatPlatform>());
        Assert.Empty(host.Services.GetServices<IPrincipalSource>());
    }

    [Fact]
    public async Task A_plain_http_api_url_off_loopback_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(apiBaseUrl: "http://slack.example.com/api/"));

        Assert.Contains("Slack:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_says_whether_slack_is_enabled()
    {
        var enabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "t" }).Build();
        var disabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "s" }).Build();

        Assert.True(enabled.IsSlackEnabled());
        Assert.False(disabled.IsSlackEnabled());
    }

    [Fact]
    public void Adding_slack_twice_registers_one_platform()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "t" }).Build();
        var services = new ServiceCollection().AddLogging();

        services.AddSlack(configuration).AddSlack(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IChatPlatform>());
        Assert.Single(provider.GetServices<IPrincipalSource>());
    }
}

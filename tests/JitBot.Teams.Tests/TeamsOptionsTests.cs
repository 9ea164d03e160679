using System.Net;
using JitBot.Core.Chat;
using JitBot.Teams.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JitBot.Teams.Tests;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void The_defaults_are_the_contracts()
    {
        var options = new TeamsOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.EffectiveOpenIdMetadataUrl);
        Assert.Equal("https://smba.trafficmanager.net/teams/", options.EffectiveServiceUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", options.EffectiveTokenEndpoint);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void A_single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        var options = new TeamsOptions { TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47" };

        Assert.Equal("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token", options.EffectiveTokenEndpoint);
    }

    [Theory]
    [InlineData("ServiceUrl", "http://smba.example.com/teams/")]
    [InlineData("OpenIdMetadataUrl", "ftp://login.example.com/keys")]
    [InlineData("TokenEndpoint", "not a url")]
    public void A_url_that_is_not_https_or_loopback_http_is_refused_naming_the_key(string key, string value)
    {
        var options = new TeamsOptions { AppId = "a", AppPassword = "p" };
        typeof(TeamsOptions).GetProperty(key)!.SetValue(options, value);

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Teams:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_http_is_accepted_for_local_fakes()
    {
        var options = new TeamsOptions { ServiceUrl = "http://127.0.0.1:5000/teams/", OpenIdMetadataUrl = "http://localhost:5001/x", TokenEndpoint = "http://[::1]:5002/t/token" };

        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_password_never_shows_in_the_options_text()
    {
        Assert.DoesNotContain("s3cret", new TeamsOptions { AppPassword = "s3cret" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_says_whether_teams_is_enabled()
    {
        var enabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "a", ["Teams:AppPassword"] = "p" }).Build();
        var disabled = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "a" }).Build();

        Assert.True(enabled.IsTeamsEnabled());
        Assert.False(disabled.IsTeamsEnabled());
    }

    [Fact]
    public async Task When_teams_is_disabled_nothing_is_registered_and_the_endpoint_is_404()
    {
        await using var host = await TeamsTestHost.StartAsync(teamsEnabled: false);

        using var response = await host.PostAsync(host.Activities.Personal(host.Alice, "help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Services.GetServices<IChatPlatform>());
    }

    [Fact]
    public async Task A_bad_url_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsTestHost.StartAsync(serviceUrl: "http://smba.example.com/teams/"));

        Assert.Contains("Teams:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_teams_twice_registers_one_platform()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "a", ["Teams:AppPassword"] = "p" }).Build();
        var services = new ServiceCollection().AddLogging();

        services.AddTeams(configuration).AddTeams(configuration);

        Assert.Single(services, s => s.ServiceType == typeof(IChatPlatform));
    }
}

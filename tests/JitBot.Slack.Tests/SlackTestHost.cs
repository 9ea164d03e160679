using System.Net;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.Policies;
using JitBot.Core.Scheduling;
using JitBot.Testing.Builders;
using JitBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace JitBot.Slack.Tests;

/// <summary>A small app on loopback with <c>AddSlack</c>/<c>MapSlack</c>, the fake Slack API and substitutes for the core's seams.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";

    private WebApplication _app = null!;

    private SlackTestHost(FakeSlackServer slack) => Slack = slack;

    public FakeSlackServer Slack { get; }

    public ICommandRouter Router { get; } = Substitute.For<ICommandRouter>();

    public IVoteHandler Votes { get; } = Substitute.For<IVoteHandler>();

    public IWorkScheduler Scheduler { get; } = Substitute.For<IWorkScheduler>();

    /// <summary>The policies the request form offers from: <see cref="Some.PolicyYaml"/> unless the test starts with others.</summary>
    public PolicySet Policies { get; private init; } = Some.Policies();

    public SlackRequestSigner Signer { get; } = new(Secret);

    public HttpClient Http { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app.Services;

    public static async Task<SlackTestHost> StartAsync(bool slackEnabled = true, string? apiBaseUrl = null, PolicySet? policies = null)
    {
        var host = new SlackTestHost(await FakeSlackServer.StartAsync(TestClients.Token)) { Policies = policies ?? Some.Policies() };
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = slackEnabled ? Secret : "",
            ["Slack:BotToken"] = slackEnabled ? TestClients.Token : "",
            ["Slack:ApiBaseUrl"] = apiBaseUrl ?? host.Slack.BaseUrl,
            ["Audit:SlackChannel"] = "C0AUDIT",
        });
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddSingleton(host.Router);
        builder.Services.AddSingleton(host.Votes);
        builder.Services.AddSingleton(host.Scheduler);
        builder.Services.AddSingleton<IPolicyProvider>(_ => new StaticPolicyProvider(host.Policies));
        builder.Services.AddSingleton(new JitOptions());
        host._app = builder.Build();
        host._app.MapSlack();
        try
        {
            await host._app.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.BaseUrl = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return host;
    }

    public string Url(string path) => BaseUrl + path;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Http.SendAsync(request);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

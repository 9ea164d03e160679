using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Testing.Builders;
using JitBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace JitBot.Teams.Tests;

/// <summary>
/// A small app on loopback with <c>AddTeams</c>/<c>MapTeams</c>, the fake identity server and connector, and
/// substitutes for the core's seams (router, votes, request store).
/// </summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    public const string TeamId = "19:team@thread.tacv2";

    private WebApplication _app = null!;

    private TeamsTestHost(FakeBotIdentityServer identity, FakeBotConnector connector)
    {
        Identity = identity;
        Connector = connector;
        Activities = new TeamsActivities(TeamsClients.AppId, "JitBot", connector.ServiceUrl, TeamsClients.TenantId, TeamId);
        connector.AddMember(Alice);
        connector.AddMember(Bob);
    }

    public FakeBotIdentityServer Identity { get; }

    public FakeBotConnector Connector { get; }

    public TeamsActivities Activities { get; }

    public FakeTeamsMember Alice { get; } = FakeTeamsMember.Create("Alice", "alice@example.com");

    public FakeTeamsMember Bob { get; } = FakeTeamsMember.Create("Bob", "bob@example.com");

    public ICommandRouter Router { get; } = Substitute.For<ICommandRouter>();

    public IVoteHandler Votes { get; } = Substitute.For<IVoteHandler>();

    public IRequestStore Requests { get; } = Substitute.For<IRequestStore>();

    public MemoryStateStore State { get; } = new();

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<TeamsTestHost> StartAsync(bool teamsEnabled = true, string? serviceUrl = null, string policy = Some.PolicyYaml)
    {
        var identity = await TeamsClients.IdentityAsync();
        var host = new TeamsTestHost(identity, await FakeBotConnector.StartAsync(identity.IsIssued));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = teamsEnabled ? TeamsClients.AppId : "",
            ["Teams:AppPassword"] = teamsEnabled ? TeamsClients.AppPassword : "",
            ["Teams:TenantId"] = TeamsClients.TenantId,
            ["Teams:OpenIdMetadataUrl"] = identity.MetadataUrl,
            ["Teams:TokenEndpoint"] = identity.TokenEndpoint,
            ["Teams:ServiceUrl"] = serviceUrl ?? host.Connector.ServiceUrl,
            ["Audit:TeamsConversation"] = "19:audit@thread.tacv2",
        });
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddSingleton(host.Router);
        builder.Services.AddSingleton(host.Votes);
        builder.Services.AddSingleton(host.Requests);
        builder.Services.AddSingleton<IPlatformStateStore>(host.State);
        var policies = new StaticPolicyProvider(Some.Policies(policy));
        builder.Services.AddSingleton<IPolicyProvider>(policies);
        builder.Services.AddSingleton(new JitOptions());
        builder.Services.AddSingleton(new Routing(policies, new ApproverResolver([], NullLogger<ApproverResolver>.Instance)));
        host._app = builder.Build();
        host._app.MapTeams();
        try
        {
            await host._app.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.Http.BaseAddress = new Uri(host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Identity.CreateToken(Connector.ServiceUrl));
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

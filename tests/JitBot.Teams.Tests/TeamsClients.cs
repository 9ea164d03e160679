using JitBot.Teams.Api;
using JitBot.Testing.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JitBot.Teams.Tests;

/// <summary>The outbound clients wired against the fakes, on a given clock.</summary>
internal static class TeamsClients
{
    public const string AppId = "6f1c3a2e-9b4d-4e7a-8c21-5d0f9e3b7a14";
    public const string AppPassword = "unit-test-app-password-Xy9";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static Task<FakeBotIdentityServer> IdentityAsync() => FakeBotIdentityServer.StartAsync(AppId, AppPassword, TenantId);

    public static BotTokenProvider Tokens(FakeBotIdentityServer identity, TimeProvider time, string password = AppPassword) =>
        new(new TestHttp(), Sender(time), Microsoft.Extensions.Options.Options.Create(Settings(identity, password)), time, NullLogger<BotTokenProvider>.Instance);

    public static BotConnectorClient Connector(BotTokenProvider tokens, TimeProvider time) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, tokens, Sender(time), NullLogger<BotConnectorClient>.Instance);

    public static TeamsOptions Settings(FakeBotIdentityServer identity, string password = AppPassword) => new()
    {
        AppId = AppId,
        AppPassword = password,
        TenantId = TenantId,
        TokenEndpoint = identity.TokenEndpoint,
        OpenIdMetadataUrl = identity.MetadataUrl,
    };

    private static TeamsHttpSender Sender(TimeProvider time) => new(time, NullLogger<TeamsHttpSender>.Instance);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JitBot.Testing.Teams;

/// <summary>
/// Microsoft's side of Bot Framework authentication on loopback (real Kestrel): the OpenID metadata
/// (<see cref="MetadataUrl"/>) and key set whose RSA keys sign test tokens for inbound activities, and the
/// client-credentials token endpoint (<see cref="TokenEndpoint"/>) that hands the bot its outbound tokens.
/// </summary>
public sealed partial class FakeBotIdentityServer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _published = [];
    private readonly List<TokenRequest> _tokenRequests = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, int? RetryAfter)> _tokenFaults = new();
    private WebApplication? _app;
    private int _metadataFetches;
    private int _keySetFetches;
    private int _sequence;

    private FakeBotIdentityServer(string appId, string appPassword, string tenantId)
    {
        AppId = appId;
        AppPassword = appPassword;
        TenantId = tenantId;
        SigningKey = TestSigningKey.Create("jitbot-test-key-1");
        _published.Add(SigningKey);
    }

    public string AppId { get; }

    public string AppPassword { get; }

    public string TenantId { get; }

    /// <summary>The published key that signs tokens by default, endorsed for <c>msteams</c>.</summary>
    public TestSigningKey SigningKey { get; }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + "v1/.well-known/openidconfiguration";

    public string KeySetUrl => BaseUrl + "v1/.well-known/keys";

    public string TokenEndpoint => BaseUrl + TenantId + "/oauth2/v2.0/token";

    /// <summary>How long issued access tokens last (<c>expires_in</c>).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public static async Task<FakeBotIdentityServer> StartAsync(string appId, string appPassword, string tenantId, CancellationToken cancellationToken = default)
    {
        var server = new FakeBotIdentityServer(appId, appPassword, tenantId);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "FakeBotIdentity" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", server.Metadata);
        app.MapGet("/v1/.well-known/keys", server.KeySet);
        app.MapPost("/{tenant}/oauth2/v2.0/token", server.IssueAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        server._app = app;
        return server;
    }

    /// <summary>Adds a key to the published set (a rotation), or just makes one that is not published.</summary>
    public TestSigningKey NewKey(string kid, bool publish, params string[] endorsements)
    {
        var key = TestSigningKey.Create(kid, endorsements);
        if (publish)
        {
            Publish(key);
        }

        return key;
    }

    public void Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }
    }

    /// <summary>
    /// A Bot Connector token for an activity to the bot: issuer, audience (the app id), <c>serviceurl</c>, lifetime
    /// and signing key as given, each defaulting to what Teams sends.
    /// </summary>
    public string CreateToken(
        string serviceUrl,
        string? audience = null,
        string issuer = BotFrameworkIssuer,
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null,
        TestSigningKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var exp = expires ?? DateTimeOffset.UtcNow.AddMinutes(60);
        var nbf = notBefore ?? (exp > DateTimeOffset.UtcNow ? DateTimeOffset.UtcNow.AddMinutes(-5) : exp.AddMinutes(-60));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? AppId,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials((key ?? SigningKey).Key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref _metadataFetches);
        return Results.Json(new JsonObject
        {
            ["issuer"] = BotFrameworkIssuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = KeySetUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult KeySet()
    {
        Interlocked.Increment(ref _keySetFetches);
        lock (_gate)
        {
            return Results.Json(new JsonObject { ["keys"] = new JsonArray(_published.Select(k => (JsonNode)k.ToJwk()).ToArray()) });
        }
    }
}

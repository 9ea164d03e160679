using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace JitBot.Teams.Security;

/// <summary>
/// The signing keys published at <c>Teams:OpenIdMetadataUrl</c>, through a <see cref="ConfigurationManager{T}"/>
/// (cached, refreshed every 12 hours). A token signed by a key id the cache does not know asks for a refresh, at most
/// once per <see cref="ForcedRefreshInterval"/>, and waits briefly for it: keys are rotated by publishing them first.
/// </summary>
internal sealed partial class BotFrameworkKeySource
{
    public const string HttpClientName = "JitBot.Teams.OpenId";

    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan RefreshPoll = TimeSpan.FromMilliseconds(25);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkKeySource> _logger;
    private readonly Lock _gate = new();
    private (OpenIdConnectConfiguration Configuration, BotFrameworkKeys Keys)? _derived;
    private DateTimeOffset? _lastForcedRefresh;

    public BotFrameworkKeySource(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotFrameworkKeySource> logger)
    {
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.Value.EffectiveOpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new CheckedDocumentRetriever(httpClients.CreateClient(HttpClientName)))
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = ForcedRefreshInterval,
        };
        _time = time;
        _logger = logger;
    }

    /// <summary>The keys in force; when <paramref name="keyId"/> is not among them, a refreshed set if one can be had.</summary>
    public async Task<BotFrameworkKeys> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken);
        var keys = Derive(configuration);
        if (keyId is null || keys.Has(keyId) || !TryStartForcedRefresh())
        {
            return keys;
        }

        Log.UnknownKey(_logger, keyId);
        _manager.RequestRefresh();
        var deadline = _time.GetUtcNow() + RefreshWait;
        while (_time.GetUtcNow() < deadline)
        {
            await Task.Delay(RefreshPoll, _time, cancellationToken);
            var latest = await _manager.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(latest, configuration))
            {
                var refreshed = Derive(latest);
                var known = refreshed.Has(keyId);
                Log.Refreshed(_logger, refreshed.SigningKeys.Count, known);
                return refreshed;
            }
        }

        return keys;
    }

    private bool TryStartForcedRefresh()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_lastForcedRefresh is { } last && now - last < ForcedRefreshInterval)
            {
                return false;
            }

            _lastForcedRefresh = now;
            return true;
        }
    }

    private BotFrameworkKeys Derive(OpenIdConnectConfiguration configuration)
    {
        lock (_gate)
        {
            if (_derived is { } derived && ReferenceEquals(derived.Configuration, configuration))
            {
                return derived.Keys;
            }
        }

        var keys = BotFrameworkKeys.From(configuration);
        lock (_gate)
        {
            _derived = (configuration, keys);
        }

        return keys;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "A Teams token names signing key {KeyId}, which is not in the cached set; refreshing the Bot Framework keys")]
        public static partial void UnknownKey(ILogger logger, string keyId);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Bot Framework keys refreshed: {Count} signing key(s); the token's key is known now: {Known}")]
        public static partial void Refreshed(ILogger logger, int count, bool known);
    }
}

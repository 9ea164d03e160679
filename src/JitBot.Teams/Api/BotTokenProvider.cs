using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JitBot.Teams.Api;

/// <summary>
/// The bot's outbound token: client credentials (<c>Teams:AppId</c>/<c>Teams:AppPassword</c>) at
/// <c>Teams:TokenEndpoint</c> for <see cref="Scope"/>, cached until shortly before it expires, one request at a
/// time. Neither the password nor the token is ever logged or put in an exception.
/// </summary>
internal sealed partial class BotTokenProvider(
    IHttpClientFactory httpClients,
    TeamsHttpSender sender,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "JitBot.Teams.Token";

    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>How long before its expiry a token is replaced (half its life when that is shorter).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private const string Operation = "token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } fresh)
            {
                return fresh;
            }

            var issued = await RequestAsync(cancellationToken);
            _cached = issued;
            var seconds = (issued.ExpiresAt - time.GetUtcNow()).TotalSeconds;
            Log.Issued(logger, seconds);
            return issued.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the connector refused it), so that the next call gets a new one.</summary>
    public void Invalidate(string token)
    {
        var cached = _cached;
        if (cached is not null && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current()
    {
        var cached = _cached;
        return cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = new Uri(settings.EffectiveTokenEndpoint);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId.Trim(),
            ["client_secret"] = settings.AppPassword,
            ["scope"] = Scope,
        };
        var http = httpClients.CreateClient(HttpClientName);
        var requestedAt = time.GetUtcNow();
        using var response = await sender.SendAsync(
            http, Operation, () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) }, cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = Text(body?["error"]) ?? $"http_{(int)response.StatusCode}";
            Log.Refused(logger, (int)response.StatusCode, error);
            throw new TeamsApiException(Operation, error, response.StatusCode);
        }

        var token = Text(body?["access_token"]) ?? throw new TeamsApiException(Operation, "invalid_response", response.StatusCode);
        var lifetime = TimeSpan.FromSeconds(Seconds(body?["expires_in"]) ?? 3600);
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return new CachedToken(token, requestedAt + lifetime, requestedAt + lifetime - margin);
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static double? Seconds(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var number) && number > 0 => number,
        JsonValue v when v.TryGetValue<string>(out var text) && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > 0 => parsed,
        _ => null,
    };

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Got a Bot Framework token valid for {Seconds}s")]
        public static partial void Issued(ILogger logger, double seconds);

        [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "The Teams token endpoint refused the bot's client credentials: HTTP {Status}, {Error}")]
        public static partial void Refused(ILogger logger, int status, string error);
    }
}

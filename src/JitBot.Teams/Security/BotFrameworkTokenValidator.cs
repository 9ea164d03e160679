using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JitBot.Teams.Security;

/// <summary>
/// Checks the Bot Framework JWT on an inbound activity (protocol B9): <c>Bearer</c> scheme, issuer
/// <c>https://api.botframework.com</c> (checked before any key is looked at), RS256 signature by a published key
/// endorsed for <c>msteams</c>, audience = <c>Teams:AppId</c>, lifetime with 5 minutes of skew, and a
/// <c>serviceurl</c> claim for the caller to compare with the activity. Never logs the token.
/// </summary>
internal sealed partial class BotFrameworkTokenValidator(
    BotFrameworkKeySource keySource,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkTokenValidator> logger)
{
    public const string Issuer = "https://api.botframework.com";

    public const string ServiceUrlClaim = "serviceurl";

    public const string TeamsChannelId = "msteams";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxTokenLength = 16 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<TokenCheck> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!TryGetBearer(authorization, out var token))
        {
            return TokenCheck.Fail("missing or malformed Authorization header");
        }

        JsonWebToken unverified;
        try
        {
            unverified = Handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return TokenCheck.Fail("malformed token");
        }

        if (!string.Equals(unverified.Issuer, Issuer, StringComparison.Ordinal))
        {
            return TokenCheck.Fail("issuer not accepted");
        }

        BotFrameworkKeys keys;
        try
        {
            keys = await keySource.GetAsync(unverified.Kid is { Length: > 0 } kid ? kid : null, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            Log.KeysUnavailable(logger, ex);
            return TokenCheck.Fail("signing keys unavailable");
        }

        var result = await Handler.ValidateTokenAsync(token, Parameters(keys));
        if (!result.IsValid)
        {
            return TokenCheck.Fail(Describe(result.Exception));
        }

        // The key validator already refused unendorsed keys; check the key that actually verified the signature too.
        if (result.SecurityToken is not JsonWebToken verified || !keys.IsEndorsed(verified.SigningKey?.KeyId, TeamsChannelId))
        {
            return TokenCheck.Fail("signing key not endorsed for msteams");
        }

        return verified.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl) && !string.IsNullOrWhiteSpace(serviceUrl)
            ? TokenCheck.Valid(serviceUrl)
            : TokenCheck.Fail("missing serviceurl claim");
    }

    private TokenValidationParameters Parameters(BotFrameworkKeys keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = Issuer,
        ValidateAudience = true,
        ValidAudience = options.Value.AppId.Trim(),
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = keys.SigningKeys,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeyValidator = (key, _, _) => keys.IsEndorsed(key?.KeyId, TeamsChannelId),
        ValidateTokenReplay = false,
        SaveSigninToken = false,
    };

    /// <summary>nbf and exp against <see cref="TimeProvider"/>, each with <see cref="ClockSkew"/>; a token without exp is refused.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && exp.ToUniversalTime() > now - ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + ClockSkew);
    }

    private static bool TryGetBearer(string? authorization, out string token)
    {
        token = "";
        var parts = authorization?.Split(' ');
        if (parts is not [var scheme, var value] || !string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || value.Length is 0 or > MaxTokenLength)
        {
            return false;
        }

        token = value;
        return true;
    }

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenInvalidAudienceException => "audience not accepted",
        SecurityTokenInvalidIssuerException => "issuer not accepted",
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException
            => "token expired or not yet valid",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSigningKeyException => "signing key not endorsed for msteams",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not accepted",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenMalformedException => "malformed token",
        null => "invalid token",
        _ => "invalid token (" + error.GetType().Name + ")",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "The Bot Framework signing keys could not be loaded; Teams requests are refused until they can")]
        public static partial void KeysUnavailable(ILogger logger, Exception exception);
    }
}

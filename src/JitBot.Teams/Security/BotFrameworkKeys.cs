using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace JitBot.Teams.Security;

/// <summary>
/// The Bot Framework's published signing keys, with each key's <c>endorsements</c> (the channels it may sign for),
/// read from the JWKS document's non-standard <c>endorsements</c> member.
/// </summary>
internal sealed record BotFrameworkKeys(IReadOnlyList<SecurityKey> SigningKeys, IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements)
{
    public const string EndorsementsMember = "endorsements";

    public static BotFrameworkKeys Empty { get; } = new([], new Dictionary<string, IReadOnlySet<string>>());

    public bool Has(string? keyId) => keyId is not null && SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>True when the key <paramref name="keyId"/> lists <paramref name="channelId"/>; a key without endorsements signs for nothing.</summary>
    public bool IsEndorsed(string? keyId, string channelId) =>
        keyId is not null && Endorsements.TryGetValue(keyId, out var channels) && channels.Contains(channelId);

    public static BotFrameworkKeys From(OpenIdConnectConfiguration configuration)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (key.Kid is { Length: > 0 } kid)
            {
                endorsements[kid] = Channels(key);
            }
        }

        return new BotFrameworkKeys(configuration.SigningKeys.ToList(), endorsements);
    }

    private static HashSet<string> Channels(JsonWebKey key)
    {
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!key.AdditionalData.TryGetValue(EndorsementsMember, out var value))
        {
            return channels;
        }

        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                    {
                        channels.Add(channel);
                    }
                }

                break;
            case IEnumerable<object> items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { Length: > 0 } channel)
                    {
                        channels.Add(channel);
                    }
                }

                break;
        }

        return channels;
    }
}

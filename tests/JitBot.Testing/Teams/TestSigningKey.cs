using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace JitBot.Testing.Teams;

/// <summary>
/// An RSA key as the Bot Framework publishes them: a key id, the public part as a JWK, and the channels it is
/// <c>endorsements</c>-ed for. The private part signs test tokens.
/// </summary>
public sealed class TestSigningKey
{
    private TestSigningKey(string kid, RSA rsa, IReadOnlyList<string>? endorsements)
    {
        Kid = kid;
        Rsa = rsa;
        Key = new RsaSecurityKey(rsa) { KeyId = kid };
        Endorsements = endorsements;
    }

    public string Kid { get; }

    public RsaSecurityKey Key { get; }

    /// <summary>The channels the key may sign for; <c>msteams</c> by default. Null: no <c>endorsements</c> member at all.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    private RSA Rsa { get; }

    public static TestSigningKey Create(string kid, params string[] endorsements) =>
        new(kid, RSA.Create(2048), endorsements.Length == 0 ? ["msteams"] : endorsements);

    /// <summary>A key whose JWK has no <c>endorsements</c> member.</summary>
    public static TestSigningKey WithoutEndorsements(string kid) => new(kid, RSA.Create(2048), null);

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    /// <summary>The public JWK, as <c>login.botframework.com/v1/.well-known/keys</c> lists it.</summary>
    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        }

        return jwk;
    }
}

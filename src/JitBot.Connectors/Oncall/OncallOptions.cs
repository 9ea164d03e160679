using Microsoft.Extensions.Configuration;

namespace JitBot.Connectors.Oncall;

/// <summary>
/// <c>Oncall:Url</c> (with <c>{name}</c> where the schedule name goes) answers the current on-call emails as a JSON
/// array or <c>{"emails": [...]}</c>; <c>Oncall:Token</c> is sent as a bearer token; answers are kept <c>Oncall:CacheFor</c>.
/// </summary>
internal sealed record OncallOptions(string UrlTemplate, string? Token, TimeSpan CacheFor)
{
    public const string SectionName = "Oncall";

    public static OncallOptions? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        if (!section.Exists())
        {
            return null;
        }

        ConnectorSettings.RejectUnknownKeys(section, "oncall lookup", "Url", "Token", "CacheFor");
        var url = ConnectorSettings.RequiredUrl(section, "Url").OriginalString;
        if (!url.Contains("{name}", StringComparison.Ordinal))
        {
            throw new ConnectorConfigurationException($"{section.Path}:Url must contain {{name}}, where the schedule name goes");
        }

        return new OncallOptions(url, section["Token"] is { Length: > 0 } token ? token : null, ConnectorSettings.OptionalDuration(section, "CacheFor", TimeSpan.FromMinutes(1)));
    }

    public override string ToString() => $"OncallOptions({UrlTemplate}, token: {(Token is null ? "none" : "***")}, cache {CacheFor})";
}

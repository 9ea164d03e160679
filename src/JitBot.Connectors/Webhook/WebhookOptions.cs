using Microsoft.Extensions.Configuration;

namespace JitBot.Connectors.Webhook;

/// <summary>One <c>Type: webhook</c> connector: where to POST, the signing secret, and how long to wait for an answer.</summary>
internal sealed record WebhookOptions(string Name, Uri Url, string Secret, TimeSpan Timeout)
{
    public const string TypeName = "webhook";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static WebhookOptions Read(IConfigurationSection section)
    {
        ConnectorSettings.RejectUnknownKeys(section, TypeName, "Url", "Secret", "Timeout");
        var url = ConnectorSettings.RequiredUrl(section, "Url");
        var secret = ConnectorSettings.Required(section, "Secret");
        var timeout = ConnectorSettings.OptionalDuration(section, "Timeout", DefaultTimeout);
        return new WebhookOptions(section.Key, url, secret, timeout);
    }

    /// <summary>Never prints the secret (records print every property by default).</summary>
    public override string ToString() => $"WebhookOptions {{ Name = {Name}, Timeout = {Timeout}, Secret = *** }}";
}

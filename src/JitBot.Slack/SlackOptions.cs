namespace JitBot.Slack;

/// <summary>
/// Slack settings (appsettings <c>Slack:</c>). Slack is enabled when both secrets are set.
/// A class, not a record: a record's generated <c>ToString</c> would print the secrets.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies inbound requests (HMAC-SHA256).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bot token (<c>xoxb-…</c>) sent as a bearer token to the Web API.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Base of the Web API: https, or http on a loopback host (local fakes).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The Web API base as a URI ending in <c>/</c>, so that method names resolve under it.</summary>
    public Uri ApiBaseUri
    {
        get
        {
            var text = string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl.Trim();
            return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        }
    }
}

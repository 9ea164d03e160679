namespace JitBot.Teams;

/// <summary>
/// Microsoft Teams settings (appsettings <c>Teams:</c>). Teams is enabled when <see cref="AppId"/> and
/// <see cref="AppPassword"/> are set. A class, not a record: a record's generated <c>ToString</c> would print the password.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    /// <summary>The token tenant of a legacy multi-tenant bot (no <see cref="TenantId"/>).</summary>
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>The Microsoft App ID of the bot (Azure Bot resource): the audience of inbound tokens.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, used only to get outbound tokens.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The Entra tenant of a single-tenant bot; empty for a legacy multi-tenant bot.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where the Bot Framework's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The Bot Connector base used before any Teams activity has been seen.</summary>
    public string ServiceUrl { get; set; } = DefaultServiceUrl;

    /// <summary>Where outbound tokens come from; empty means the Microsoft login endpoint of <see cref="TenantId"/>.</summary>
    public string TokenEndpoint { get; set; } = "";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);

    /// <summary>The bot's own id in conversations: <c>28:&lt;AppId&gt;</c>.</summary>
    public string BotId => "28:" + AppId.Trim();

    public string EffectiveOpenIdMetadataUrl => OrDefault(OpenIdMetadataUrl, DefaultOpenIdMetadataUrl);

    public string EffectiveServiceUrl => OrDefault(ServiceUrl, DefaultServiceUrl);

    public string EffectiveTokenEndpoint =>
        string.IsNullOrWhiteSpace(TokenEndpoint)
            ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(OrDefault(TenantId, MultiTenantAuthority))}/oauth2/v2.0/token"
            : TokenEndpoint.Trim();

    private static string OrDefault(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}

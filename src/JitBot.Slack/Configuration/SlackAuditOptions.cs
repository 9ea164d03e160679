namespace JitBot.Slack.Configuration;

/// <summary>Where Slack audit lines go (appsettings <c>Audit:SlackChannel</c>); empty means no posting.</summary>
internal sealed class SlackAuditOptions
{
    public const string SectionName = "Audit";

    public string SlackChannel { get; set; } = "";
}

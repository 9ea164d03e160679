namespace JitBot.Teams.Configuration;

/// <summary>Where Teams audit lines go (appsettings <c>Audit:TeamsConversation</c>); empty means no posting.</summary>
internal sealed class TeamsAuditOptions
{
    public const string SectionName = "Audit";

    public string TeamsConversation { get; set; } = "";
}

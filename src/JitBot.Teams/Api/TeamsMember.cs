namespace JitBot.Teams.Api;

/// <summary>A conversation member as the Bot Connector describes it (<c>TeamsChannelAccount</c>).</summary>
internal sealed record TeamsMember(string Id, string? Name, string? AadObjectId, string? Email, string? UserPrincipalName, string? TenantId);

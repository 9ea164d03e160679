namespace JitBot.Core.Grants;

/// <summary>What a connector is told about one grant.</summary>
public sealed record GrantContext(
    string RequestId,
    long RequestNumber,
    string Resource,
    string Role,
    string Email,
    string? SlackUserId,
    string? TeamsUserId,
    string Reason,
    IReadOnlyList<string> Approvers,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt);

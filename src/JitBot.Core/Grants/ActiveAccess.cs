namespace JitBot.Core.Grants;

/// <summary>
/// Something a connector granted that still exists in its system: a login role, an ACL user, a membership.
/// <see cref="Key"/> is the connector's own name for it; the request id is known where the name carries it.
/// </summary>
public sealed record ActiveAccess(string Key, string? RequestId, string? Email, string? Role);

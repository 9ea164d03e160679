namespace JitBot.Core.Grants;

/// <summary>
/// Grants and revokes access in one system. Grant and revoke are idempotent; a failure throws. A revoke checks
/// afterwards that the access is really gone and throws when it is not.
/// </summary>
public interface IAccessConnector
{
    Task<GrantResult> GrantAsync(GrantContext grant, CancellationToken cancellationToken);

    Task RevokeAsync(GrantContext grant, CancellationToken cancellationToken);

    /// <summary>
    /// The grant's expiry moved to <see cref="GrantContext.ExpiresAt"/> (an approved extension): whatever the system
    /// enforces on its own (a login's <c>VALID UNTIL</c>) follows. Nothing to do by default: the revocation ends the rest.
    /// </summary>
    Task ExtendAsync(GrantContext grant, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What this connector has granted that still exists; empty when the system cannot tell (a webhook).</summary>
    Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Takes away something <see cref="ListActiveAsync"/> found that no active grant covers.</summary>
    Task RemoveAsync(ActiveAccess access, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a live (approved or active) grant of this connector accounts for something <see cref="ListActiveAsync"/>
    /// found that carries no request id. By default: the same requester and role. A connector whose names are not
    /// reversible (a database user derived from an email) compares its own key for the grant instead.
    /// </summary>
    bool Covers(ActiveAccess access, GrantContext grant) =>
        string.Equals(grant.Email, access.Email, StringComparison.OrdinalIgnoreCase) && grant.Role == access.Role;
}

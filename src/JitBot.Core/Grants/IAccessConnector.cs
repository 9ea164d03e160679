namespace JitBot.Core.Grants;

/// <summary>Grants and revokes access in one system. Both are idempotent; a failure throws.</summary>
public interface IAccessConnector
{
    Task<GrantResult> GrantAsync(GrantContext grant, CancellationToken cancellationToken);

    Task RevokeAsync(GrantContext grant, CancellationToken cancellationToken);
}

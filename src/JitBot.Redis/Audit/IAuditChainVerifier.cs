namespace JitBot.Redis.Audit;

/// <summary>Checks that no audit entry was edited or removed since it was written.</summary>
public interface IAuditChainVerifier
{
    /// <summary>Walks the whole audit trail, oldest first, and reports the first broken link.</summary>
    Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken);
}

namespace JitBot.Core.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends the event and returns it with its id.</summary>
    Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    Task<AuditEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> events appended after <paramref name="afterId"/> (from the first when null), in order.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAfterAsync(string? afterId, int count, CancellationToken cancellationToken);

    /// <summary>The newest events matching the query, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

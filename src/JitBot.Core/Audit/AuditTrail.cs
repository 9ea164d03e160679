using JitBot.Core.Grants;
using JitBot.Core.Requests;

namespace JitBot.Core.Audit;

/// <summary>
/// Writes one audit event per transition; <see cref="AuditLinePoster"/> posts each as a line to the audit channel(s)
/// from the trail itself.
/// </summary>
public sealed class AuditTrail(IAuditLog log, AuditSignal appended, TimeProvider time)
{
    public Task<AuditEvent> RecordAsync(
        string type, AccessRequest request, string actor, CancellationToken cancellationToken, string? detail = null, string? revocation = null) =>
        RecordAsync(new AuditEvent(type, request.Id, actor, request.Requester.Email, request.Resource, request.Role, time.GetUtcNow(), detail, revocation), cancellationToken);

    /// <summary>An event about access no request covers (found by reconciliation).</summary>
    public Task<AuditEvent> RecordUnmatchedAsync(string type, string connector, ActiveAccess access, string detail, string revocation, CancellationToken cancellationToken) =>
        RecordAsync(new AuditEvent(type, access.RequestId ?? "-", "jitbot", access.Email ?? "-", "connector:" + connector, access.Role ?? "-", time.GetUtcNow(), detail, revocation), cancellationToken);

    private async Task<AuditEvent> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var stored = await log.AppendAsync(auditEvent, cancellationToken);
        appended.Pulse();
        return stored;
    }
}

using JitBot.Core.Chat;
using JitBot.Core.Grants;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Audit;

/// <summary>Writes one audit event per transition and has it posted as a line to the audit channel(s).</summary>
public sealed class AuditTrail(IAuditLog log, IWorkScheduler scheduler, IEnumerable<IChatPlatform> platforms, TimeProvider time)
{
    private readonly bool posts = platforms.Any();

    public Task<AuditEvent> RecordAsync(
        string type, AccessRequest request, string actor, CancellationToken cancellationToken, string? detail = null, string? revocation = null) =>
        RecordAsync(new AuditEvent(type, request.Id, actor, request.Requester.Email, request.Resource, request.Role, time.GetUtcNow(), detail, revocation), cancellationToken);

    /// <summary>An event about access no request covers (found by reconciliation).</summary>
    public Task<AuditEvent> RecordUnmatchedAsync(string type, string connector, ActiveAccess access, string detail, string revocation, CancellationToken cancellationToken) =>
        RecordAsync(new AuditEvent(type, access.RequestId ?? "-", "jitbot", access.Email ?? "-", "connector:" + connector, access.Role ?? "-", time.GetUtcNow(), detail, revocation), cancellationToken);

    private async Task<AuditEvent> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var stored = await log.AppendAsync(auditEvent, cancellationToken);
        if (posts)
        {
            await scheduler.EnqueueAsync(new Work.PostAuditLine(stored.Id), cancellationToken);
        }

        return stored;
    }
}

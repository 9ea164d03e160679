using JitBot.Core.Chat;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Audit;

/// <summary>Writes one audit event per transition and has it posted as a line to the audit channel(s).</summary>
public sealed class AuditTrail(IAuditLog log, IWorkScheduler scheduler, IEnumerable<IChatPlatform> platforms, TimeProvider time)
{
    private readonly bool posts = platforms.Any();

    public async Task<AuditEvent> RecordAsync(
        string type, AccessRequest request, string actor, CancellationToken cancellationToken, string? detail = null, string? revocation = null)
    {
        var stored = await log.AppendAsync(
            new AuditEvent(type, request.Id, actor, request.Requester.Email, request.Resource, request.Role, time.GetUtcNow(), detail, revocation),
            cancellationToken);
        if (posts)
        {
            await scheduler.EnqueueAsync(new Work.PostAuditLine(stored.Id), cancellationToken);
        }

        return stored;
    }
}

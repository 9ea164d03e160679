using JitBot.Core.Audit;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// A grant or revocation job that failed even after all its retries (the store or a bug, not the connector,
/// whose failures the handlers report themselves): said loudly, never left silent.
/// </summary>
public sealed class StuckJobHandler(IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, TimeProvider time)
{
    public async Task HandleAsync(string requestId, bool wasRevocation, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return;
        }

        if (wasRevocation)
        {
            if (request.RevokeConfirmedAt is not null || request.Status is not (RequestStatus.Approved or RequestStatus.Active or RequestStatus.Revoked))
            {
                return;
            }

            await audit.RecordAsync(AuditEventTypes.RevokeFailed, request, "jitbot", cancellationToken,
                detail: "the revocation job failed after all its retries. Access may still be held: revoke it by hand.",
                revocation: RevocationRunner.RevocationText(request));
            await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.RevokeFailed, Cards: false), cancellationToken);
            return;
        }

        var failed = await store.UpdateAsync(requestId, r => r.Fail("the grant job failed after all its retries", time.GetUtcNow()), cancellationToken);
        if (failed.After is not null)
        {
            await audit.RecordAsync(AuditEventTypes.Failed, failed.After, "jitbot", cancellationToken, detail: failed.After.FailureReason);
            await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.GrantFailed), cancellationToken);
        }
    }
}

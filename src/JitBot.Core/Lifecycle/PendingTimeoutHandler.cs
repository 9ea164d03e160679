using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>Ends a request nobody decided within <c>Jit:PendingTimeout</c>.</summary>
public sealed class PendingTimeoutHandler(IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, JitOptions options, TimeProvider time)
{
    public async Task HandleAsync(string requestId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await store.UpdateAsync(
            requestId,
            r => now >= r.CreatedAt + options.PendingTimeout - TimeSpan.FromSeconds(2)
                ? r.TimeOut(now)
                : Change.Refused(RefusalReason.WrongState, "not due"),
            cancellationToken);
        if (result.After is null)
        {
            return;
        }

        await audit.RecordAsync(AuditEventTypes.TimedOut, result.After, "jitbot", cancellationToken,
            detail: $"not decided within {Duration.Format(options.PendingTimeout)}");
        await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.TimedOut), cancellationToken);
    }
}

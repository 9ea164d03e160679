using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>An approved extension: moves the grant's expiry and its revocation job, or fails if the grant has ended.</summary>
public sealed class ExtensionHandler(IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, ExpiryReminders reminders, TimeProvider time)
{
    public async Task ApplyAsync(AccessRequest extension, CancellationToken cancellationToken)
    {
        var moved = await store.UpdateAsync(extension.Extends!, grant => grant.Extend(extension.Duration), cancellationToken);
        if (moved.After is not { ExpiresAt: { } expiresAt } grant)
        {
            var failed = await store.UpdateAsync(extension.Id, r => r.Fail($"{extension.Extends} has already ended", time.GetUtcNow()), cancellationToken);
            if (failed.After is not null)
            {
                await audit.RecordAsync(AuditEventTypes.Failed, failed.After, "jitbot", cancellationToken, detail: failed.After.FailureReason);
                await scheduler.EnqueueAsync(new Work.NotifyRequester(extension.Id, Notice.GrantFailed), cancellationToken);
                await scheduler.EnqueueAsync(new Work.RefreshCards(extension.Id), cancellationToken);
            }

            return;
        }

        // The revocation job moves with the expiry: the old one finds the grant not yet due and does nothing.
        await scheduler.ScheduleAsync(new Work.Revoke(grant.Id), expiresAt, cancellationToken);
        await reminders.ScheduleAsync(grant, cancellationToken);
        await audit.RecordAsync(AuditEventTypes.Extended, grant, extension.DecidedBy ?? "jitbot", cancellationToken,
            detail: $"by {Duration.Format(extension.Duration)} through {extension.Id}, until {expiresAt:u}");
        await scheduler.EnqueueAsync(new Work.NotifyRequester(grant.Id, Notice.Extended), cancellationToken);
        await scheduler.EnqueueAsync(new Work.RefreshCards(extension.Id), cancellationToken);
        await scheduler.EnqueueAsync(new Work.RefreshCards(grant.Id), cancellationToken);
    }
}

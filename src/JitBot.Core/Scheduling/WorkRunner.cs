using JitBot.Core.Audit;
using JitBot.Core.Chat;
using JitBot.Core.Grants;
using JitBot.Core.Lifecycle;

namespace JitBot.Core.Scheduling;

/// <summary>Runs one piece of background work: the table from work item to the handler that does it.</summary>
public sealed class WorkRunner(
    GrantHandler grants,
    RevokeHandler revocations,
    PendingTimeoutHandler pendingTimeouts,
    EscalationHandler escalations,
    ExpiryReminders reminders,
    CardPublisher cards,
    RequesterNotifier notifier,
    AuditPublisher auditLines,
    StuckJobHandler stuckJobs,
    Reconciler reconciler,
    IEnumerable<IChatPlatform> platforms)
{
    public Task RunAsync(Work work, CancellationToken cancellationToken) => work switch
    {
        Work.Grant w => grants.HandleAsync(w.RequestId, cancellationToken),
        Work.Revoke w => revocations.HandleAsync(w.RequestId, cancellationToken),
        Work.ExpirePending w => pendingTimeouts.HandleAsync(w.RequestId, cancellationToken),
        Work.RemindExpiry w => reminders.RemindAsync(w.RequestId, cancellationToken),
        Work.Escalate w => escalations.HandleAsync(w.RequestId, cancellationToken),
        Work.PostCards w => cards.PostAsync(w.RequestId, cancellationToken),
        Work.Announce w => AnnounceAsync(w, cancellationToken),
        Work.NotifyApprovers w => notifier.NotifyApproversAsync(w.RequestId, w.Notice, cancellationToken),
        Work.Reconcile => reconciler.RunAsync(cancellationToken),
        Work.ReportStuckJob w => stuckJobs.HandleAsync(w.RequestId, w.WasRevocation, cancellationToken),
        Work.PostAuditNotice w => auditLines.PostNoticeAsync(w.Text, cancellationToken),
        Work.Reply w => platforms.FirstOrDefault(p => p.Platform == w.Message.Platform)?.ReplyPrivatelyAsync(w.Message, cancellationToken) ?? Task.CompletedTask,
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, "unknown work"),
    };

    // Cards first: rewriting a card again is harmless, so a retry after a failed DM repeats nothing the requester sees.
    private async Task AnnounceAsync(Work.Announce work, CancellationToken cancellationToken)
    {
        if (work.Cards)
        {
            await cards.RefreshAsync(work.RequestId, cancellationToken);
        }

        if (work.Notice is { } notice)
        {
            await notifier.NotifyAsync(work.RequestId, notice, cancellationToken);
        }
    }
}

using System.Linq.Expressions;
using Hangfire;
using JitBot.Core.Scheduling;
using JitBot.Hangfire.Jobs;

namespace JitBot.Hangfire;

/// <summary>The core's scheduler port on Hangfire: each work item becomes one <see cref="JitJobs"/> call.</summary>
internal sealed class HangfireWorkScheduler(IBackgroundJobClient client) : IWorkScheduler
{
    public Task EnqueueAsync(Work work, CancellationToken cancellationToken)
    {
        client.Enqueue(ToJob(work));
        return Task.CompletedTask;
    }

    public Task ScheduleAsync(Work work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        client.Schedule(ToJob(work), at);
        return Task.CompletedTask;
    }

    private static Expression<Func<JitJobs, Task>> ToJob(Work work) => work switch
    {
        Work.Revoke w => j => j.RevokeAsync(w.RequestId, CancellationToken.None),
        Work.Grant w => j => j.GrantAsync(w.RequestId, CancellationToken.None),
        Work.ExpirePending w => j => j.ExpirePendingAsync(w.RequestId, CancellationToken.None),
        Work.RemindExpiry w => j => j.RemindExpiryAsync(w.RequestId, CancellationToken.None),
        Work.Escalate w => j => j.EscalateAsync(w.RequestId, CancellationToken.None),
        Work.PostCards w => j => j.PostCardsAsync(w.RequestId, CancellationToken.None),
        Work.RefreshCards w => j => j.RefreshCardsAsync(w.RequestId, CancellationToken.None),
        Work.NotifyApprovers w => j => j.NotifyApproversAsync(w.RequestId, w.Notice, CancellationToken.None),
        Work.Reconcile => j => j.ReconcileAsync(CancellationToken.None),
        Work.NotifyRequester w => j => j.NotifyRequesterAsync(w.RequestId, w.Notice, CancellationToken.None),
        Work.ReportStuckJob w => j => j.ReportStuckJobAsync(w.RequestId, w.WasRevocation, CancellationToken.None),
        Work.PostAuditNotice w => j => j.PostAuditNoticeAsync(w.Text, CancellationToken.None),
        Work.Reply w => j => j.ReplyAsync(w.Message.Platform, w.Message.Channel, w.Message.UserId, w.Message.Text, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, "unknown work"),
    };
}

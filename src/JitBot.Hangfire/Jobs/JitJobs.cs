using Hangfire;
using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Scheduling;

namespace JitBot.Hangfire.Jobs;

/// <summary>
/// The Hangfire jobs: thin, ids only, reentrant. Each hands its work item to the core's <see cref="WorkRunner"/>.
/// Queues in order of urgency: revocations, then grants and cards, then DMs and card updates, then operator notices,
/// so a backlog of chat posts never delays access being taken away or given.
/// </summary>
public sealed class JitJobs(WorkRunner runner)
{
    public const string RevocationQueue = "revocations";
    public const string GrantQueue = "grants";
    public const string DefaultQueue = "default";
    public const string AuditQueue = "audit";

    [Queue(RevocationQueue)]
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [1, 2, 5, 10, 30, 60, 120, 300])]
    [ReportWhenRetriesRunOut(WasRevocation = true)]
    public Task RevokeAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Revoke(requestId), cancellationToken);

    [Queue(GrantQueue)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 2, 5, 10, 30])]
    [ReportWhenRetriesRunOut(WasRevocation = false)]
    public Task GrantAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Grant(requestId), cancellationToken);

    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [1, 2, 5, 10, 30, 60, 120, 300])]
    public Task ExpirePendingAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.ExpirePending(requestId), cancellationToken);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 15])]
    public Task RemindExpiryAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.RemindExpiry(requestId), cancellationToken);

    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 60])]
    public Task EscalateAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Escalate(requestId), cancellationToken);

    [Queue(GrantQueue)]
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 60])]
    public Task PostCardsAsync(string requestId, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.PostCards(requestId), cancellationToken);

    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 60])]
    public Task AnnounceAsync(string requestId, Notice? notice, bool cards, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Announce(requestId, notice, cards), cancellationToken);

    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 60])]
    public Task NotifyApproversAsync(string requestId, Notice notice, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.NotifyApprovers(requestId, notice), cancellationToken);

    /// <summary>The recurring reconciliation: once at a time across every instance.</summary>
    [Queue(RevocationQueue)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 55)]
    public Task ReconcileAsync(CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Reconcile(), cancellationToken);

    [Queue(AuditQueue)]
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 60])]
    public Task PostAuditNoticeAsync(string text, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.PostAuditNotice(text), cancellationToken);

    [Queue(RevocationQueue)]
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800])]
    public Task ReportStuckJobAsync(string requestId, bool wasRevocation, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.ReportStuckJob(requestId, wasRevocation), cancellationToken);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 2, 5])]
    public Task ReplyAsync(Platform platform, string channel, string userId, string text, CancellationToken cancellationToken) =>
        runner.RunAsync(new Work.Reply(new PrivateReply(platform, channel, userId, text)), cancellationToken);
}

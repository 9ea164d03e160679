using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// An approved extension: moves the grant's expiry, its revocation job and what the connector enforces itself, once;
/// or fails when the grant has ended or the connector cannot follow.
/// </summary>
public sealed partial class ExtensionHandler(
    IRequestStore store,
    IConnectorRegistry connectors,
    AuditTrail audit,
    IWorkScheduler scheduler,
    ExpiryReminders reminders,
    JitOptions options,
    TimeProvider time,
    ILogger<ExtensionHandler> logger)
{
    public async Task ApplyAsync(AccessRequest extension, CancellationToken cancellationToken)
    {
        var grant = await store.GetAsync(extension.Extends!, cancellationToken);
        if (grant is not null && grant.AppliedExtensions.Contains(extension.Id))
        {
            LogAlreadyApplied(logger, extension.Id, grant.Id);
            return;
        }

        if (grant is not { Status: RequestStatus.Approved or RequestStatus.Active, ExpiresAt: { } expiresAt })
        {
            await FailAsync(extension, $"{extension.Extends} has already ended", cancellationToken);
            return;
        }

        // The new end is scheduled before anything moves (a crash leaves the old end in force and an extra job that
        // finds nothing due); the old job then finds the grant not yet due and does nothing.
        var until = expiresAt + extension.Duration;
        await scheduler.ScheduleAsync(new Work.Revoke(grant.Id), until, cancellationToken);
        if (await FollowAsync(grant, until, cancellationToken) is { } error)
        {
            await FailAsync(extension, $"the connector could not extend {grant.Id}: {error}", cancellationToken);
            return;
        }

        var moved = await store.UpdateAsync(grant.Id, g => g.Extend(extension), cancellationToken);
        if (moved.After is not { ExpiresAt: { } extendedUntil } extended)
        {
            if (moved.Refusal?.Reason != RefusalReason.AlreadyDecided)
            {
                await FailAsync(extension, $"{extension.Extends} has already ended", cancellationToken);
            }

            return;
        }

        if (extendedUntil != until)
        {
            // Another extension landed in between: the end and the connector follow the grant as it is now.
            await scheduler.ScheduleAsync(new Work.Revoke(grant.Id), extendedUntil, cancellationToken);
            await FollowAsync(extended, extendedUntil, cancellationToken);
        }

        await reminders.ScheduleAsync(extended, cancellationToken);
        await audit.RecordAsync(AuditEventTypes.Extended, extended, extension.DecidedBy ?? "jitbot", cancellationToken,
            detail: $"by {Duration.Format(extension.Duration)} through {extension.Id}, until {extendedUntil:u}");
        await scheduler.EnqueueAsync(new Work.Announce(grant.Id, Notice.Extended), cancellationToken);
        await scheduler.EnqueueAsync(new Work.Announce(extension.Id, null), cancellationToken);
    }

    /// <summary>Tells the connector the new end, retried like a grant; returns the last error, or null.</summary>
    private Task<string?> FollowAsync(AccessRequest grant, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var connector = connectors.Get(grant.Connector);
        var context = GrantContexts.For(grant) with { ExpiresAt = until };
        var deadline = time.GetUtcNow() + options.GrantRetryWindow;
        return new RetryLoop(time, options.RetryBaseDelay).RunAsync(
            ct => connector.ExtendAsync(context, ct),
            deadline < grant.ExpiresAt ? deadline : grant.ExpiresAt!.Value,
            (attempt, e) =>
            {
                LogExtendAttemptFailed(logger, grant.Id, attempt, e.Message);
                return Task.FromResult(true);
            },
            cancellationToken);
    }

    private async Task FailAsync(AccessRequest extension, string reason, CancellationToken cancellationToken)
    {
        var failed = await store.UpdateAsync(extension.Id, r => r.Fail(reason, time.GetUtcNow()), cancellationToken);
        if (failed.After is not null)
        {
            await audit.RecordAsync(AuditEventTypes.Failed, failed.After, "jitbot", cancellationToken, detail: failed.After.FailureReason);
            await scheduler.EnqueueAsync(new Work.Announce(extension.Id, Notice.GrantFailed), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ExtensionId} has already extended {RequestId}")]
    private static partial void LogAlreadyApplied(ILogger logger, string extensionId, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extending {RequestId} at the connector failed on attempt {Attempt}: {Error}")]
    private static partial void LogExtendAttemptFailed(ILogger logger, string requestId, int attempt, string error);
}

using JitBot.Core.Audit;
using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// Grants an approved request. Its revocation is scheduled before the connector is asked, a grant attempt
/// after expiry or revocation does nothing, and a grant that lands after a revocation is undone.
/// </summary>
public sealed partial class GrantHandler(
    IRequestStore store,
    IConnectorRegistry connectors,
    IWorkScheduler scheduler,
    AuditTrail audit,
    RevocationRunner revocation,
    ExtensionHandler extensions,
    ExpiryReminders reminders,
    IEnumerable<IChatPlatform> platforms,
    JitOptions options,
    TimeProvider time,
    ILogger<GrantHandler> logger)
{
    public async Task HandleAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is not { Status: RequestStatus.Approved, ExpiresAt: { } expiresAt })
        {
            LogNothingToGrant(logger, requestId, request?.Status);
            return;
        }

        if (time.GetUtcNow() >= expiresAt)
        {
            // Its time ran out before the grant could run: nothing is granted, and the requester hears why.
            await FailAsync(requestId, "it expired before the grant could be made", cancellationToken);
            return;
        }

        if (request.Extends is not null)
        {
            await extensions.ApplyAsync(request, cancellationToken);
            return;
        }

        if (!request.RevocationScheduled)
        {
            await scheduler.ScheduleAsync(new Work.Revoke(requestId), expiresAt, cancellationToken);
            var marked = await store.UpdateAsync(requestId, r => r.MarkRevocationScheduled(), cancellationToken);
            if (marked.After is not { Status: RequestStatus.Approved })
            {
                return;
            }

            request = marked.After;
        }

        var context = GrantContexts.For(request);
        var connector = connectors.Get(request.Connector);
        GrantResult? result = null;
        var deadline = Min(time.GetUtcNow() + options.GrantRetryWindow, expiresAt);
        var error = await new RetryLoop(time, options.RetryBaseDelay).RunAsync(
            async ct => result = await connector.GrantAsync(context, ct),
            deadline,
            async (attempt, e) =>
            {
                LogGrantAttemptFailed(logger, requestId, attempt, e.Message);
                var current = await store.GetAsync(requestId, cancellationToken);
                return current?.Status == RequestStatus.Approved;
            },
            cancellationToken);

        if (error is not null)
        {
            await FailAsync(requestId, error, cancellationToken);
            return;
        }

        var activated = await store.UpdateAsync(requestId, r => r.Activate(time.GetUtcNow()), cancellationToken);
        if (activated.After is null)
        {
            // Revoked (or expired) while the connector was answering: take the access back at once.
            LogGrantLandedAfterEnd(logger, requestId, activated.Before?.Status);
            await revocation.UndoLateGrantAsync(activated.Before ?? request, cancellationToken);
            return;
        }

        await audit.RecordAsync(AuditEventTypes.Active, activated.After, "jitbot", cancellationToken,
            detail: $"via {request.Connector} until {activated.After.ExpiresAt:u}");
        await reminders.ScheduleAsync(activated.After, cancellationToken);
        if (result?.SecretForRequester is { } secret)
        {
            await SendSecretAsync(activated.After, secret, cancellationToken);
            await scheduler.EnqueueAsync(new Work.Announce(requestId, null), cancellationToken);
        }
        else
        {
            await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.Granted), cancellationToken);
        }
    }

    private async Task FailAsync(string requestId, string error, CancellationToken cancellationToken)
    {
        var failed = await store.UpdateAsync(requestId, r => r.Fail(error, time.GetUtcNow()), cancellationToken);
        if (failed.After is null)
        {
            return;
        }

        await audit.RecordAsync(AuditEventTypes.Failed, failed.After, "jitbot", cancellationToken, detail: error);
        await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.GrantFailed), cancellationToken);
    }

    // A generated credential goes straight to the requester's DM: never into a job argument, log or audit event.
    private async Task SendSecretAsync(AccessRequest request, string secret, CancellationToken cancellationToken)
    {
        var platform = platforms.FirstOrDefault(p => p.Platform == request.Requester.Platform);
        if (platform is null)
        {
            return;
        }

        var text = Notices.Text(request, Notice.Granted, options) + $"\nYour credentials (shown only here): {secret}";
        try
        {
            await platform.SendDirectMessageAsync(request.Requester, text, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSecretDmFailed(logger, request.Id, e.GetType().Name);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing to grant for {RequestId} (status {Status})")]
    private static partial void LogNothingToGrant(ILogger logger, string requestId, RequestStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant of {RequestId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogGrantAttemptFailed(ILogger logger, string requestId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant of {RequestId} landed after it ended ({Status}); revoking it again")]
    private static partial void LogGrantLandedAfterEnd(ILogger logger, string requestId, RequestStatus? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not DM the credentials of {RequestId} ({ErrorType})")]
    private static partial void LogSecretDmFailed(ILogger logger, string requestId, string errorType);
}

using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>Takes access away through the connector, retrying, and says so loudly when it cannot.</summary>
public sealed partial class RevocationRunner(
    IRequestStore store,
    IConnectorRegistry connectors,
    IWorkScheduler scheduler,
    AuditTrail audit,
    JitOptions options,
    TimeProvider time,
    ILogger<RevocationRunner> logger)
{
    /// <summary>Finishes a revocation the request already records: connector, confirmation, audit, DM, cards.</summary>
    public async Task CompleteAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var error = await RevokeWithRetriesAsync(request, cancellationToken);
        if (error is not null)
        {
            await audit.RecordAsync(AuditEventTypes.RevokeFailed, request, "jitbot", cancellationToken,
                detail: $"gave up after {Duration.Format(options.RevokeRetryWindow)} of retries: {error}. Access may still be held: revoke it by hand.",
                revocation: RevocationText(request));
            await scheduler.EnqueueAsync(new Work.NotifyRequester(request.Id, Notice.RevokeFailed), cancellationToken);
            return;
        }

        var confirmed = await store.UpdateAsync(request.Id, r => r.ConfirmRevoked(time.GetUtcNow()), cancellationToken);
        if (confirmed.After is null)
        {
            return;
        }

        await audit.RecordAsync(AuditEventTypes.Revoked, confirmed.After, confirmed.After.RevokedBy ?? "jitbot", cancellationToken,
            revocation: RevocationText(confirmed.After));
        await scheduler.EnqueueAsync(new Work.NotifyRequester(request.Id, Notice.Revoked), cancellationToken);
        await scheduler.EnqueueAsync(new Work.RefreshCards(request.Id), cancellationToken);
    }

    /// <summary>Revokes a grant that the connector confirmed after its request had already ended.</summary>
    public async Task UndoLateGrantAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var error = await RevokeWithRetriesAsync(request, cancellationToken);
        if (error is not null)
        {
            await audit.RecordAsync(AuditEventTypes.RevokeFailed, request, "jitbot", cancellationToken,
                detail: $"a grant confirmed after the request ended could not be undone: {error}. Revoke it by hand.");
        }
    }

    private Task<string?> RevokeWithRetriesAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var connector = connectors.Get(request.Connector);
        var context = GrantContexts.For(request);
        return new RetryLoop(time, options.RetryBaseDelay).RunAsync(
            ct => connector.RevokeAsync(context, ct),
            time.GetUtcNow() + options.RevokeRetryWindow,
            async (attempt, e) =>
            {
                LogRevokeAttemptFailed(logger, request.Id, attempt, e.Message);
                if (attempt == 1)
                {
                    await audit.RecordAsync(AuditEventTypes.RevokeFailed, request, "jitbot", cancellationToken,
                        detail: $"revoke failed ({e.Message}); retrying for up to {Duration.Format(options.RevokeRetryWindow)}",
                        revocation: RevocationText(request));
                }

                return true;
            },
            cancellationToken);
    }

    internal static string RevocationText(AccessRequest request) =>
        request.RevocationKind == RevocationKind.Early ? "early" : "at_expiry";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoke of {RequestId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogRevokeAttemptFailed(ILogger logger, string requestId, int attempt, string error);
}

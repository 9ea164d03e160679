using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// Takes access away through the connector, retrying, and says so loudly when it cannot. Overlapping grants
/// of the same resource and role are counted: the access stays until the last of them ends.
/// </summary>
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
        var sameAccess = (await store.ListByRequesterAsync(request.Requester.Email, cancellationToken)).Where(request.SameAccessAs).ToList();
        if (sameAccess.FirstOrDefault(o => o.Status is RequestStatus.Approved or RequestStatus.Active) is { } stillHeld)
        {
            // Another grant still gives this access: keep it; the revocation of the last one takes it away.
            var deferred = await store.UpdateAsync(request.Id, r => r.ConfirmRevoked(time.GetUtcNow(), deferred: true), cancellationToken);
            if (deferred.After is not null)
            {
                await AnnounceAsync(deferred.After, $"access stays: {stillHeld.Id} still holds it", cancellationToken);
            }

            return;
        }

        var error = await RevokeWithRetriesAsync(request, cancellationToken);
        if (error is not null)
        {
            await audit.RecordAsync(AuditEventTypes.RevokeFailed, request, "jitbot", cancellationToken,
                detail: $"gave up after {Duration.Format(options.RevokeRetryWindow)} of retries: {error}. Access may still be held: revoke it by hand.",
                revocation: RevocationText(request));
            await scheduler.EnqueueAsync(new Work.Announce(request.Id, Notice.RevokeFailed, Cards: false), cancellationToken);
            await scheduler.EnqueueAsync(new Work.NotifyApprovers(request.Id, Notice.RevokeFailed), cancellationToken);
            return;
        }

        var confirmed = await store.UpdateAsync(request.Id, r => r.ConfirmRevoked(time.GetUtcNow()), cancellationToken);
        await RevokeEarlierOverlapsAsync(sameAccess, cancellationToken);
        if (confirmed.After is not null)
        {
            await AnnounceAsync(confirmed.After, null, cancellationToken);
        }
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

    /// <summary>
    /// The earlier grants of the same access whose revocation waited for this one (or is still under way):
    /// the connector now revokes each of them too, so that every grant it was told of is also revoked.
    /// </summary>
    private async Task RevokeEarlierOverlapsAsync(List<AccessRequest> sameAccess, CancellationToken cancellationToken)
    {
        foreach (var earlier in sameAccess.Where(o => o.Status == RequestStatus.Revoked && (o.RevokeDeferred || o.RevokeConfirmedAt is null)))
        {
            if (await RevokeWithRetriesAsync(earlier, cancellationToken) is null)
            {
                await store.UpdateAsync(earlier.Id, r => r.CompleteDeferredRevocation(), cancellationToken);
            }
        }
    }

    private async Task AnnounceAsync(AccessRequest revoked, string? detail, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditEventTypes.Revoked, revoked, revoked.RevokedBy ?? "jitbot", cancellationToken, detail: detail, revocation: RevocationText(revoked));
        await scheduler.EnqueueAsync(new Work.Announce(revoked.Id, Notice.Revoked), cancellationToken);
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

using JitBot.Core.Requests;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// The revocation job: at expiry it ends the grant; after an early revoke it finishes the work. Reentrant:
/// a confirmed revocation, or a job that fires for an expiry that has since moved, does nothing.
/// </summary>
public sealed partial class RevokeHandler(IRequestStore store, RevocationRunner runner, TimeProvider time, ILogger<RevokeHandler> logger)
{
    /// <summary>Hangfire stores due times in whole seconds, so a job may fire up to a second early.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is { Status: RequestStatus.Approved or RequestStatus.Active, ExpiresAt: { } expiresAt })
        {
            var now = time.GetUtcNow();
            if (now < expiresAt - EarlyTolerance)
            {
                LogNotDue(logger, requestId, expiresAt);
                return;
            }

            var revoked = await store.UpdateAsync(requestId, r => r.Revoke("jitbot", RevocationKind.AtExpiry, now), cancellationToken);
            request = revoked.After ?? await store.GetAsync(requestId, cancellationToken);
        }

        if (request is { Status: RequestStatus.Revoked, RevokeConfirmedAt: null })
        {
            await runner.CompleteAsync(request, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revocation of {RequestId} is not due until {ExpiresAt}")]
    private static partial void LogNotDue(ILogger logger, string requestId, DateTimeOffset expiresAt);
}

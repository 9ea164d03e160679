using JitBot.Core.Audit;
using JitBot.Core.Requests;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Grants;

/// <summary>
/// The safety net under missed revocations: whatever a connector still holds that no approved or active grant
/// covers (expired, revoked, unknown) is removed and audited as <c>grant.revoked</c> with reason <c>reconciled</c>.
/// </summary>
public sealed partial class Reconciler(IConnectorRegistry connectors, IRequestStore store, AuditTrail audit, ILogger<Reconciler> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var live = (await store.ListByStatusAsync(RequestStatus.Active, cancellationToken))
            .Concat(await store.ListByStatusAsync(RequestStatus.Approved, cancellationToken))
            .ToList();
        foreach (var name in connectors.Names.Order(StringComparer.Ordinal))
        {
            var connector = connectors.Get(name);
            IReadOnlyList<ActiveAccess> held;
            try
            {
                held = await connector.ListActiveAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogListFailed(logger, name, e.Message);
                continue;
            }

            var grants = live.Where(r => r.Connector == name).Select(GrantContexts.For).ToList();
            foreach (var access in held.Where(a => !IsCovered(connector, a, grants, live)))
            {
                await RemoveAsync(name, connector, access, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A name that carries a live request's id belongs to that request, whichever connector listed it: login roles and
    /// ACL users are server-wide, so two connectors on one server both see them. Anything else is asked of the connector.
    /// </summary>
    private static bool IsCovered(IAccessConnector connector, ActiveAccess access, List<GrantContext> grants, List<AccessRequest> live) =>
        access.RequestId is { } id
            ? live.Any(r => r.Id == id)
            : grants.Any(g => connector.Covers(access, g));

    private async Task RemoveAsync(string name, IAccessConnector connector, ActiveAccess access, CancellationToken cancellationToken)
    {
        try
        {
            await connector.RemoveAsync(access, cancellationToken);
            await audit.RecordUnmatchedAsync(AuditEventTypes.Revoked, name, access, $"reconciled: {access.Key} had no active grant", "reconciled", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRemoveFailed(logger, name, access.Key, e.Message);
            await audit.RecordUnmatchedAsync(AuditEventTypes.RevokeFailed, name, access, $"reconciliation could not remove {access.Key}: {e.Message}", "reconciled", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation could not list what connector {Connector} holds: {Error}")]
    private static partial void LogListFailed(ILogger logger, string connector, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation could not remove {Key} from connector {Connector}: {Error}")]
    private static partial void LogRemoveFailed(ILogger logger, string connector, string key, string error);
}

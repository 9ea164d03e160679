using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// Sets off again, from each request's own state, the work a command handed over (<see cref="IWorkScheduler.Submit"/>)
/// that a crash may have lost before it was stored: a pending request's card (once), its timeout and escalation when
/// overdue, and the grant of an approved request that never began. Everything it sets off is idempotent.
/// Runs every <see cref="Interval"/> on one instance at a time (an <see cref="ILeases"/> lease).
/// </summary>
public sealed partial class RequestSweeper(
    IRequestStore store, Routing routing, IWorkScheduler scheduler, ILeases leases, JitOptions options, TimeProvider time, ILogger<RequestSweeper> logger)
{
    /// <summary>How long handed-over work may take to show in a request's state before the sweep steps in.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private const string LeaseName = "request-sweep";
    private readonly string holder = Guid.NewGuid().ToString("N");

    /// <summary>Sweeps every <see cref="Interval"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, cancellationToken);
                if (await leases.TryHoldAsync(LeaseName, holder, Interval * 2, cancellationToken))
                {
                    await SweepAsync(cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    /// <summary>One sweep; returns how many requests it set something off for.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() - Grace;
        var count = 0;
        foreach (var request in await store.ListByStatusAsync(RequestStatus.Pending, cancellationToken))
        {
            if (await SweepPendingAsync(request, due, cancellationToken))
            {
                count++;
            }
        }

        foreach (var request in await store.ListByStatusAsync(RequestStatus.Approved, cancellationToken))
        {
            if (request is { Extends: null, RevocationScheduled: false, DecidedAt: { } decidedAt } && decidedAt < due)
            {
                LogSetOff(logger, request.Id, "grant");
                await scheduler.EnqueueAsync(new Work.Grant(request.Id), cancellationToken);
                count++;
            }
        }

        return count;
    }

    private async Task<bool> SweepPendingAsync(AccessRequest request, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (request.CreatedAt + options.PendingTimeout < due)
        {
            LogSetOff(logger, request.Id, "pending timeout");
            await scheduler.EnqueueAsync(new Work.ExpirePending(request.Id), cancellationToken);
            return true;
        }

        var swept = false;
        if (request.EscalatedAt is null && routing.Find(request) is { } found
            && SubmitRequestHandler.EscalatesAt(request, found.Role, options) is { } escalateAt && escalateAt < due)
        {
            LogSetOff(logger, request.Id, "escalation");
            await scheduler.EnqueueAsync(new Work.Escalate(request.Id), cancellationToken);
            swept = true;
        }

        if (request.Cards.Count == 0 && !request.CardsSwept && request.CreatedAt < due)
        {
            LogSetOff(logger, request.Id, "cards");
            await scheduler.EnqueueAsync(new Work.PostCards(request.Id), cancellationToken);
            await store.UpdateAsync(request.Id, r => r.MarkCardsSwept(), cancellationToken);
            swept = true;
        }

        return swept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request sweep: setting off the {What} of {RequestId} again")]
    private static partial void LogSetOff(ILogger logger, string requestId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request sweep failed ({ErrorType}: {Error}); trying again next time")]
    private static partial void LogSweepFailed(ILogger logger, string errorType, string error);
}

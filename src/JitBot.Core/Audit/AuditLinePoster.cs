using JitBot.Core.Chat;
using JitBot.Core.Grants;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace JitBot.Core.Audit;

/// <summary>
/// Posts every audit event as one line to each platform's audit channel, in the trail's order, by reading the trail
/// from where it last stopped (kept in <see cref="IPlatformStateStore"/>): no job per event, nothing lost across a
/// restart, and one instance at a time per platform (an <see cref="ILeases"/> lease). A line that cannot be posted is
/// retried with backoff for <see cref="GiveUpAfter"/>, then logged and passed over so that one bad line never stops the rest.
/// Only a crash between posting a line and noting it can post that line twice; none is left out.
/// </summary>
public sealed partial class AuditLinePoster(
    IAuditLog log,
    IPlatformStateStore state,
    ILeases leases,
    IEnumerable<IChatPlatform> platforms,
    AuditSignal signal,
    TimeProvider time,
    ILogger<AuditLinePoster> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);
    private const int Batch = 100;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly string holder = Guid.NewGuid().ToString("N");

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(platforms.Select(p => Task.Run(() => RunAsync(p, cancellationToken), CancellationToken.None)));

    private async Task RunAsync(IChatPlatform platform, CancellationToken cancellationToken)
    {
        var name = "audit-lines:" + platform.Platform.ToString().ToLowerInvariant();
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var appended = signal.Next;
                var posted = await leases.TryHoldAsync(name, holder, Lease, cancellationToken)
                    ? await PostBacklogAsync(platform, name, cancellationToken)
                    : 0;
                if (posted == 0)
                {
                    await Task.WhenAny(appended, Task.Delay(Poll, time, cancellationToken));
                }

                delay = TimeSpan.FromSeconds(1);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The store is away: try again later, from the same place.
                LogPosterFailed(logger, platform.Platform.ToString(), e.GetType().Name, e.Message);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    private async Task<int> PostBacklogAsync(IChatPlatform platform, string name, CancellationToken cancellationToken)
    {
        var cursorKey = name + ":posted";
        var after = await state.GetAsync(cursorKey, cancellationToken);
        var events = await log.ReadAfterAsync(after, Batch, cancellationToken);
        var renewed = time.GetUtcNow();
        foreach (var auditEvent in events)
        {
            if (time.GetUtcNow() - renewed > Lease / 3)
            {
                if (!await leases.TryHoldAsync(name, holder, Lease, cancellationToken))
                {
                    return 0;
                }

                renewed = time.GetUtcNow();
            }

            await PostAsync(platform, auditEvent, cancellationToken);

            // Not cancelled once the line is out: a stop between the two would post it again after a restart.
            await state.SetAsync(cursorKey, auditEvent.Id, CancellationToken.None);
        }

        return events.Count;
    }

    private async Task PostAsync(IChatPlatform platform, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var text = AuditLine.Format(auditEvent);

        // A post under way when the host stops gets a moment to finish (and be noted), rather than be cut off
        // after Slack has it and posted again after the restart.
        using var settling = new CancellationTokenSource();
        await using var stopping = cancellationToken.Register(() => settling.CancelAfter(StopGrace));
        var error = await new RetryLoop(time, TimeSpan.FromSeconds(1)).RunAsync(
            ct => platform.PostAuditLineAsync(text, settling.Token),
            time.GetUtcNow() + GiveUpAfter,
            (attempt, e) =>
            {
                LogLineAttemptFailed(logger, auditEvent.Id, platform.Platform.ToString(), attempt, e.GetType().Name);
                return Task.FromResult(true);
            },
            cancellationToken);
        if (error is not null)
        {
            LogLineGivenUp(logger, auditEvent.Id, auditEvent.Type, auditEvent.RequestId, platform.Platform.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit lines to {Platform} paused: {ErrorType}: {Error}")]
    private static partial void LogPosterFailed(ILogger logger, string platform, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit line {EventId} to {Platform} failed on attempt {Attempt} ({ErrorType})")]
    private static partial void LogLineAttemptFailed(ILogger logger, string eventId, string platform, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit line {EventId} ({Type} of {RequestId}) could not be posted to {Platform}; it stays in the audit trail")]
    private static partial void LogLineGivenUp(ILogger logger, string eventId, string type, string requestId, string platform);
}

namespace JitBot.Core.Grants;

/// <summary>Runs a connector call until it succeeds or a deadline passes, with a doubling backoff.</summary>
public sealed class RetryLoop(TimeProvider time, TimeSpan baseDelay)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns null on success, else the last error's message. <paramref name="onFailure"/> sees each failure
    /// (attempt number from 1) and may return false to stop early.
    /// </summary>
    public async Task<string?> RunAsync(
        Func<CancellationToken, Task> attempt,
        DateTimeOffset deadline,
        Func<int, Exception, Task<bool>> onFailure,
        CancellationToken cancellationToken)
    {
        var delay = baseDelay;
        for (var number = 1; ; number++)
        {
            try
            {
                await attempt(cancellationToken);
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!await onFailure(number, e))
                {
                    return e.Message;
                }

                var now = time.GetUtcNow();
                if (now + delay >= deadline)
                {
                    return e.Message;
                }

                await Task.Delay(delay, time, cancellationToken);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }
}

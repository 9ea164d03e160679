namespace JitBot.Core.Audit;

/// <summary>Wakes the audit-line posters of this instance when an event is appended, instead of their next poll.</summary>
public sealed class AuditSignal
{
    private TaskCompletionSource next = New();

    /// <summary>Completes when an event is appended after this call.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace JitBot.Core.Scheduling;

/// <summary>Durable background work: now, or at a time.</summary>
public interface IWorkScheduler
{
    Task EnqueueAsync(Work work, CancellationToken cancellationToken);

    Task ScheduleAsync(Work work, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Hands work over without waiting while it is stored (<paramref name="at"/> null: now), for work set off while a
    /// person waits for an answer. Only a crash in those milliseconds can lose it, so only for work that
    /// <see cref="Lifecycle.RequestSweeper"/> sets off again from the request's own state, or that only shows something.
    /// </summary>
    void Submit(Work work, DateTimeOffset? at = null);
}

namespace JitBot.Core.Scheduling;

/// <summary>Durable background work: now, or at a time.</summary>
public interface IWorkScheduler
{
    Task EnqueueAsync(Work work, CancellationToken cancellationToken);

    Task ScheduleAsync(Work work, DateTimeOffset at, CancellationToken cancellationToken);
}

using System.Linq.Expressions;
using System.Threading.Channels;
using Hangfire;
using JitBot.Core.Scheduling;
using JitBot.Hangfire.Jobs;
using Microsoft.Extensions.Logging;

namespace JitBot.Hangfire;

/// <summary>
/// The core's scheduler port on Hangfire: each work item becomes one <see cref="JitJobs"/> call. Work handed over with
/// <see cref="Submit"/> is stored by a few background writers (Hangfire's client blocks on its storage), retried a
/// few times, and drained when the host stops.
/// </summary>
internal sealed partial class HangfireWorkScheduler : IWorkScheduler, IAsyncDisposable
{
    private const int Writers = 4;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private readonly IBackgroundJobClient client;
    private readonly ILogger<HangfireWorkScheduler> logger;
    private readonly Channel<(Work Work, DateTimeOffset? At)> submitted = Channel.CreateUnbounded<(Work, DateTimeOffset?)>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly Task[] writers;

    public HangfireWorkScheduler(IBackgroundJobClient client, ILogger<HangfireWorkScheduler> logger)
    {
        this.client = client;
        this.logger = logger;
        writers = Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(WriteAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
    }

    public Task EnqueueAsync(Work work, CancellationToken cancellationToken)
    {
        client.Enqueue(ToJob(work));
        return Task.CompletedTask;
    }

    public Task ScheduleAsync(Work work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        client.Schedule(ToJob(work), at);
        return Task.CompletedTask;
    }

    public void Submit(Work work, DateTimeOffset? at = null)
    {
        if (!submitted.Writer.TryWrite((work, at)))
        {
            // Stopping: store it now rather than drop it.
            Store(work, at);
        }
    }

    public async ValueTask DisposeAsync()
    {
        submitted.Writer.TryComplete();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WriteAsync()
    {
        await foreach (var (work, at) in submitted.Reader.ReadAllAsync())
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Store(work, at);
                    break;
                }
                catch (Exception e) when (attempt < Backoff.Length)
                {
                    LogSubmitRetry(logger, work.GetType().Name, attempt + 1, e.GetType().Name);
                    await Task.Delay(Backoff[attempt]);
                }
                catch (Exception e)
                {
                    // The sweep sets off again what a request's state shows was lost; say what it was.
                    LogSubmitLost(logger, work.GetType().Name, e.GetType().Name, e.Message);
                    break;
                }
            }
        }
    }

    private void Store(Work work, DateTimeOffset? at)
    {
        if (at is { } when)
        {
            client.Schedule(ToJob(work), when);
        }
        else
        {
            client.Enqueue(ToJob(work));
        }
    }

    private static Expression<Func<JitJobs, Task>> ToJob(Work work) => work switch
    {
        Work.Revoke w => j => j.RevokeAsync(w.RequestId, CancellationToken.None),
        Work.Grant w => j => j.GrantAsync(w.RequestId, CancellationToken.None),
        Work.ExpirePending w => j => j.ExpirePendingAsync(w.RequestId, CancellationToken.None),
        Work.RemindExpiry w => j => j.RemindExpiryAsync(w.RequestId, CancellationToken.None),
        Work.Escalate w => j => j.EscalateAsync(w.RequestId, CancellationToken.None),
        Work.PostCards w => j => j.PostCardsAsync(w.RequestId, CancellationToken.None),
        Work.Announce w => j => j.AnnounceAsync(w.RequestId, w.Notice, w.Cards, CancellationToken.None),
        Work.NotifyApprovers w => j => j.NotifyApproversAsync(w.RequestId, w.Notice, CancellationToken.None),
        Work.Reconcile => j => j.ReconcileAsync(CancellationToken.None),
        Work.ReportStuckJob w => j => j.ReportStuckJobAsync(w.RequestId, w.WasRevocation, CancellationToken.None),
        Work.PostAuditNotice w => j => j.PostAuditNoticeAsync(w.Text, CancellationToken.None),
        Work.Reply w => j => j.ReplyAsync(w.Message.Platform, w.Message.Channel, w.Message.UserId, w.Message.Text, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, "unknown work"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Work} failed on attempt {Attempt} ({ErrorType}); trying again")]
    private static partial void LogSubmitRetry(ILogger logger, string work, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Work} ({ErrorType}: {Error}); the request sweep sets it off again where the request's state shows it")]
    private static partial void LogSubmitLost(ILogger logger, string work, string errorType, string error);
}

using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace JitBot.Hangfire.Jobs;

/// <summary>
/// When a grant or revocation job ends Failed (its retries ran out), enqueues a job that reports it through
/// the audit channel and to the requester. Nothing is posted from inside the filter itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReportWhenRetriesRunOutAttribute : JobFilterAttribute, IApplyStateFilter
{
    public bool WasRevocation { get; init; }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is FailedState && context.BackgroundJob.Job.Args is [string requestId, ..])
        {
            var wasRevocation = WasRevocation;
            new BackgroundJobClient(context.Storage).Enqueue<JitJobs>(
                jobs => jobs.ReportStuckJobAsync(requestId, wasRevocation, CancellationToken.None));
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}

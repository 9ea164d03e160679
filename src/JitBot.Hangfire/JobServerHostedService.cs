using Hangfire;
using Hangfire.Server;
using JitBot.Hangfire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JitBot.Hangfire;

/// <summary>Runs this instance's Hangfire server on the host's own storage (no global Hangfire state).</summary>
internal sealed partial class JobServerHostedService(JobStorage storage, SchedulingOptions options, IServiceScopeFactory scopes, ILogger<JobServerHostedService> logger)
    : IHostedService, IDisposable
{
    public const string ReconcileJobId = "jitbot-reconcile";

    private readonly CancellationTokenSource stopping = new();
    private BackgroundJobServer[]? servers;
    private Task reconciliation = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Workers of their own for revocations and grants, so a backlog of chat posts never makes access wait;
        // the main workers take every queue, most urgent first.
        var urgent = Server("urgent", Math.Max(4, options.WorkerCount / 4), [JitJobs.RevocationQueue, JitJobs.GrantQueue]);
        var main = Server("main", options.WorkerCount, [JitJobs.RevocationQueue, JitJobs.GrantQueue, JitJobs.DefaultQueue, JitJobs.AuditQueue]);
        servers = [urgent, main];
        reconciliation = Task.Run(() => ScheduleReconciliationAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private BackgroundJobServer Server(string role, int workers, string[] queues) => new(
        new BackgroundJobServerOptions
        {
            ServerName = $"jitbot:{role}:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
            WorkerCount = workers,
            Queues = queues,
            SchedulePollingInterval = options.PollInterval,
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            ServerCheckInterval = TimeSpan.FromSeconds(15),
            ServerTimeout = TimeSpan.FromSeconds(30),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            Activator = new ServiceProviderJobActivator(scopes),
        },
        storage,
        Array.Empty<IBackgroundProcess>());

    /// <summary>
    /// Every instance declares the same recurring job; Hangfire runs it once per tick across them. In the background,
    /// retried until it works: the store may be down at start (readiness says so) or another instance may hold the lock.
    /// </summary>
    private async Task ScheduleReconciliationAsync(CancellationToken cancellationToken)
    {
        var recurring = new RecurringJobManager(storage);
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                recurring.AddOrUpdate<JitJobs>(ReconcileJobId, jobs => jobs.ReconcileAsync(CancellationToken.None), options.ReconcileCron);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReconcileNotScheduled(logger, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule reconciliation yet (attempt {Attempt}): {Error}")]
    private static partial void LogReconcileNotScheduled(ILogger logger, int attempt, string error);

    /// <summary>Stops once; a second stop (the host's, then a test factory's) or a stop after dispose does nothing.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = Interlocked.Exchange(ref servers, null);
        if (running is null)
        {
            return;
        }

        await stopping.CancelAsync();
        foreach (var server in running)
        {
            server.SendStop();
        }

        foreach (var server in running)
        {
            await server.WaitForShutdownAsync(cancellationToken);
            server.Dispose();
        }

        await reconciliation;
    }

    public void Dispose()
    {
        foreach (var server in Interlocked.Exchange(ref servers, null) ?? [])
        {
            server.Dispose();
        }

        stopping.Cancel();
        stopping.Dispose();
    }
}

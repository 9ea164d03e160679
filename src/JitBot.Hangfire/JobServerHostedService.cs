using Hangfire;
using Hangfire.Server;
using JitBot.Hangfire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JitBot.Hangfire;

/// <summary>Runs this instance's Hangfire server on the host's own storage (no global Hangfire state).</summary>
internal sealed class JobServerHostedService(JobStorage storage, SchedulingOptions options, IServiceScopeFactory scopes) : IHostedService, IDisposable
{
    public const string ReconcileJobId = "jitbot-reconcile";

    private BackgroundJobServer? server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = $"jitbot:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
                WorkerCount = options.WorkerCount,
                Queues = [JitJobs.RevocationQueue, JitJobs.DefaultQueue],
                SchedulePollingInterval = options.PollInterval,
                HeartbeatInterval = TimeSpan.FromSeconds(5),
                ServerCheckInterval = TimeSpan.FromSeconds(15),
                ServerTimeout = TimeSpan.FromSeconds(30),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
                Activator = new ServiceProviderJobActivator(scopes),
            },
            storage,
            Array.Empty<IBackgroundProcess>());
        return ScheduleReconciliationAsync(cancellationToken);
    }

    /// <summary>Every instance declares the same recurring job; Hangfire runs it once per tick across them.</summary>
    private async Task ScheduleReconciliationAsync(CancellationToken cancellationToken)
    {
        var recurring = new RecurringJobManager(storage);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                recurring.AddOrUpdate<JitJobs>(ReconcileJobId, jobs => jobs.ReconcileAsync(CancellationToken.None), options.ReconcileCron);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is not OperationCanceledException)
            {
                // Another instance may hold the storage lock right now (Hangfire #2361): try again shortly.
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is null)
        {
            return;
        }

        server.SendStop();
        await server.WaitForShutdownAsync(cancellationToken);
    }

    public void Dispose() => server?.Dispose();
}

using Hangfire;
using Hangfire.Server;
using JitBot.Hangfire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JitBot.Hangfire;

/// <summary>Runs this instance's Hangfire server on the host's own storage (no global Hangfire state).</summary>
internal sealed class JobServerHostedService(JobStorage storage, SchedulingOptions options, IServiceScopeFactory scopes) : IHostedService, IDisposable
{
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
        return Task.CompletedTask;
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

using JitBot.Connectors;
using JitBot.Core.Policies;
using JitBot.Core.Scheduling;

namespace JitBot.Startup;

/// <summary>
/// The policies in force, reloaded when their files change. A broken edit keeps the last good set running
/// and says so in the log and the audit channel.
/// </summary>
internal sealed partial class ReloadingPolicyProvider(
    PolicySet initial,
    JitBotSettings settings,
    IReadOnlySet<string> connectors,
    IConfiguration configuration,
    IWorkScheduler scheduler,
    TimeProvider time,
    ILogger<ReloadingPolicyProvider> logger) : IPolicyProvider, IHostedService, IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stopping = new();
    private volatile PolicySet current = initial;
    private string fingerprint = Fingerprint(settings.PoliciesPath);
    private Task? loop;
    private int disposed;

    public PolicySet Current => current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = WatchAsync(stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Safe to call twice and after <see cref="Dispose"/>: under a test host, <c>app.RunAsync()</c> in Program and the
    /// factory both stop the host, and the first may already have disposed the services when the second stops them.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            try
            {
                await stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile, which cancelled the loop first.
            }
        }

        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    /// <summary>Checks the folder now; true when a new set was loaded.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var now = Fingerprint(settings.PoliciesPath);
        if (now == fingerprint)
        {
            return false;
        }

        fingerprint = now;
        var result = ConnectorPolicyCheck.Apply(PolicyLoader.LoadFolder(settings.PoliciesPath, settings.Jit.MaxDuration, connectors), configuration);
        if (!result.IsValid)
        {
            var problems = string.Join('\n', result.Problems);
            LogRejected(logger, problems);
            await scheduler.EnqueueAsync(new Work.PostAuditNotice($"Policy change rejected; the last good policies stay in force:\n{problems}"), cancellationToken);
            return false;
        }

        current = result.Policies;
        var files = string.Join(", ", result.Policies.Files.Select(Path.GetFileName));
        LogReloaded(logger, files, result.Policies.Resources.Count);
        await scheduler.EnqueueAsync(new Work.PostAuditNotice($"Policies reloaded: {files} ({result.Policies.Resources.Count} resources)."), cancellationToken);
        return true;
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCheckFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Names, sizes and write times of the policy files: what a change changes.</summary>
    private static string Fingerprint(string folder) =>
        !Directory.Exists(folder)
            ? ""
            : string.Join('|', new DirectoryInfo(folder).EnumerateFiles()
                .Where(f => f.Extension is ".yaml" or ".yml")
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Policy change rejected; the last good policies stay in force:\n{Problems}")]
    private static partial void LogRejected(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Policies reloaded: {Files} ({Resources} resources)")]
    private static partial void LogReloaded(ILogger logger, string files, int resources);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the policy folder failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}

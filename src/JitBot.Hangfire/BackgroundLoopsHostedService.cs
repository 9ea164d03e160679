using JitBot.Core.Audit;
using JitBot.Core.Lifecycle;
using Microsoft.Extensions.Hosting;

namespace JitBot.Hangfire;

/// <summary>Runs this instance's <see cref="AuditLinePoster"/> and <see cref="RequestSweeper"/> next to its job servers.</summary>
internal sealed class BackgroundLoopsHostedService(AuditLinePoster poster, RequestSweeper sweeper) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(poster.RunAsync(stoppingToken), sweeper.RunAsync(stoppingToken));
}

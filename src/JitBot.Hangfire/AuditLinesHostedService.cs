using JitBot.Core.Audit;
using Microsoft.Extensions.Hosting;

namespace JitBot.Hangfire;

/// <summary>Runs this instance's <see cref="AuditLinePoster"/> next to its job servers.</summary>
internal sealed class AuditLinesHostedService(AuditLinePoster poster) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => poster.RunAsync(stoppingToken);
}

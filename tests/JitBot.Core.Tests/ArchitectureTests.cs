using JitBot.Core.Requests;

namespace JitBot.Core.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_core_references_no_chat_storage_scheduling_or_web_assembly()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "StackExchange.Redis", "Hangfire", "Npgsql", "JitBot.Slack", "JitBot.Teams", "JitBot.Redis", "JitBot.Hangfire", "JitBot.Connectors" };

        var references = typeof(AccessRequest).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}

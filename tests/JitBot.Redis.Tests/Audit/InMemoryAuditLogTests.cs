using JitBot.Core.Audit;
using JitBot.Redis.Audit;

namespace JitBot.Redis.Tests.Audit;

public sealed class InMemoryAuditLogTests : AuditLogContract
{
    private readonly InMemoryAuditLog log = new();

    protected override IAuditLog Log => log;

    [Fact]
    public async Task Ids_count_up_from_1_0()
    {
        var first = await log.AppendAsync(Some.Event(), CancellationToken.None);
        var second = await log.AppendAsync(Some.Event(), CancellationToken.None);

        Assert.Equal(("1-0", "2-0"), (first.Id, second.Id));
    }

    protected override Task TamperAsync(string id, AuditEvent edited)
    {
        log.Tamper(id, edited);
        return Task.CompletedTask;
    }
}

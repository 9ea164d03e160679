using JitBot.Core.Audit;
using JitBot.Redis.Audit;
using JitBot.Redis.Tests.Infrastructure;
using JitBot.Testing.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Tests.Audit;

[NeedsRedis]
public sealed class RedisAuditLogTests : AuditLogContract, IAsyncLifetime
{
    private readonly string prefix = TestServers.UniquePrefix(nameof(RedisAuditLogTests));
    private IDatabase database = null!;
    private RedisAuditLog log = null!;

    protected override IAuditLog Log => log;

    private RedisKey Stream => prefix + "audit";

    public async Task InitializeAsync()
    {
        var connection = await TestRedis.ConnectAsync();
        database = connection.GetDatabase();
        log = new RedisAuditLog(connection, Options.Create(new RedisOptions { Prefix = prefix }), NullLogger<RedisAuditLog>.Instance);
    }

    public Task DisposeAsync() => TestRedis.DeleteAsync(prefix);

    [RedisFact]
    public async Task Entries_are_stream_entries_linked_by_prev_and_hash()
    {
        var first = await log.AppendAsync(Some.Event(), CancellationToken.None);
        var second = await log.AppendAsync(Some.Event(type: AuditEventTypes.Vote, actor: "bob@example.com"), CancellationToken.None);

        var entries = await database.StreamRangeAsync(Stream);

        Assert.Equal([first.Id, second.Id], entries.Select(e => e.Id.ToString()));
        Assert.Equal("", entries[0]["prev"].ToString());
        Assert.Equal(entries[0]["hash"], entries[1]["prev"]);
        Assert.Equal(entries[1]["hash"], await database.StringGetAsync(prefix + "audit:head"));
        Assert.Equal("2026-12-03T10:00:00.0000000+00:00", entries[0]["at"].ToString());
        Assert.Equal(AuditEventTypes.Vote, entries[1]["type"].ToString());
    }

    [RedisFact]
    public async Task Hashes_made_by_redis_verify_here_with_non_ascii_fields()
    {
        await log.AppendAsync(Some.Event() with { Detail = "Grüße, 日本, 🔐", Revocation = "at expiry" }, CancellationToken.None);
        await log.AppendAsync(Some.Event(actor: "zoë@example.com"), CancellationToken.None);

        var report = await log.VerifyChainAsync(CancellationToken.None);

        Assert.True(report.IsIntact, report.ToString());
    }

    [RedisFact]
    public async Task A_removed_entry_breaks_the_chain_at_the_one_after_it()
    {
        await log.AppendAsync(Some.Event(), CancellationToken.None);
        var removed = await log.AppendAsync(Some.Event(), CancellationToken.None);
        var next = await log.AppendAsync(Some.Event(), CancellationToken.None);

        await database.StreamDeleteAsync(Stream, [removed.Id]);
        var report = await log.VerifyChainAsync(CancellationToken.None);

        Assert.Equal(next.Id, report.BrokenAt);
        Assert.Contains("removed", report.Problem, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Removing_the_newest_entry_shows_at_the_head()
    {
        await log.AppendAsync(Some.Event(), CancellationToken.None);
        var newest = await log.AppendAsync(Some.Event(), CancellationToken.None);

        await database.StreamDeleteAsync(Stream, [newest.Id]);
        var report = await log.VerifyChainAsync(CancellationToken.None);

        Assert.False(report.IsIntact);
        Assert.Null(report.BrokenAt);
        Assert.Contains("head", report.Problem, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_long_trail_verifies_across_pages()
    {
        for (var i = 0; i < 450; i++)
        {
            await log.AppendAsync(Some.Event(requestId: $"JIT-{i}"), CancellationToken.None);
        }

        Assert.Equal(AuditChainReport.Intact(450), await log.VerifyChainAsync(CancellationToken.None));
    }

    /// <summary>Streams cannot be edited in place: rewrite the whole stream, same ids, one entry's fields changed.</summary>
    protected override async Task TamperAsync(string id, AuditEvent edited)
    {
        var entries = await database.StreamRangeAsync(Stream);
        await database.KeyDeleteAsync(Stream);
        foreach (var entry in entries)
        {
            var values = entry.Values;
            if (entry.Id == id)
            {
                var fields = new Dictionary<string, string>
                {
                    ["type"] = edited.Type, ["requestId"] = edited.RequestId, ["actor"] = edited.Actor,
                    ["requester"] = edited.Requester, ["resource"] = edited.Resource, ["role"] = edited.Role,
                };
                values = values.Select(v => fields.TryGetValue(v.Name.ToString(), out var value) ? new NameValueEntry(v.Name, value) : v).ToArray();
            }

            await database.StreamAddAsync(Stream, values, entry.Id);
        }
    }
}

using JitBot.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Audit;

/// <summary>
/// The audit trail as a Redis Stream (<c>{prefix}audit</c>), hash-chained so that an edited or removed entry
/// shows: each entry holds <c>prev</c> and <c>hash</c>, and <c>{prefix}audit:head</c> the newest hash.
/// An event's id is its stream entry id.
/// </summary>
internal sealed partial class RedisAuditLog(
    IConnectionMultiplexer connection,
    IOptions<RedisOptions> options,
    ILogger<RedisAuditLog> logger) : IAuditLog, IAuditChainVerifier
{
    private const int PageSize = 200;

    /// <summary>Events are appended with the time of the append; this allows for clocks and late writers.</summary>
    private static readonly TimeSpan SinceTolerance = TimeSpan.FromMinutes(5);

    private readonly RedisKeys keys = new(options.Value.Prefix);

    private IDatabase Database => connection.GetDatabase();

    public async Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var fields = AuditChain.Fields(auditEvent);
        var id = await Database.ScriptEvaluateAsync(
            AuditScripts.Append,
            [keys.AuditStream, keys.AuditHead],
            fields.Select(f => (RedisValue)f).ToArray()).WaitAsync(cancellationToken);
        return auditEvent with { Id = id.ToString() };
    }

    public async Task<AuditEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsStreamId(id))
        {
            return null;
        }

        var entries = await Database.StreamRangeAsync(keys.AuditStream, id, id, 1).WaitAsync(cancellationToken);
        return entries.Length == 0 ? null : ToEvent(entries[0]);
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAfterAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        if (afterId is not null && !IsStreamId(afterId))
        {
            throw new ArgumentException($"'{afterId}' is not an audit event id.", nameof(afterId));
        }

        var entries = await Database.StreamRangeAsync(keys.AuditStream, afterId is null ? "-" : "(" + afterId, "+", count).WaitAsync(cancellationToken);
        return entries.Select(ToEvent).ToList();
    }

    public async Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var found = new List<AuditEvent>();
        var stopBefore = query.Since - SinceTolerance;
        RedisValue max = "+";
        while (found.Count < query.Limit)
        {
            var page = await Database.StreamRangeAsync(keys.AuditStream, "-", max, PageSize, Order.Descending).WaitAsync(cancellationToken);
            foreach (var entry in page)
            {
                var e = ToEvent(entry);
                if (e.At < stopBefore)
                {
                    return Oldest(found);
                }

                if (query.Matches(e))
                {
                    found.Add(e);
                    if (found.Count == query.Limit)
                    {
                        break;
                    }
                }
            }

            if (page.Length < PageSize)
            {
                break;
            }

            max = "(" + page[^1].Id;
        }

        return Oldest(found);
    }

    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken)
    {
        var walk = new AuditChainWalk();
        RedisValue min = "-";
        while (true)
        {
            var page = await Database.StreamRangeAsync(keys.AuditStream, min, "+", PageSize).WaitAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (!walk.Accept(entry.Id.ToString(), FieldsOf(entry), Text(entry["prev"]), Text(entry["hash"])))
                {
                    LogChainBroken(logger, walk.Failure!.BrokenAt, walk.Failure.Problem);
                    return walk.Failure;
                }
            }

            if (page.Length < PageSize)
            {
                break;
            }

            min = "(" + page[^1].Id;
        }

        var head = await Database.StringGetAsync(keys.AuditHead).WaitAsync(cancellationToken);
        var report = walk.Finish(Text(head));
        if (!report.IsIntact)
        {
            LogChainBroken(logger, report.BrokenAt, report.Problem);
        }

        return report;
    }

    private static List<AuditEvent> Oldest(List<AuditEvent> newestFirst)
    {
        newestFirst.Reverse();
        return newestFirst;
    }

    private static string[] FieldsOf(StreamEntry entry) =>
        AuditChain.FieldNames.Select(name => Text(entry[name])).ToArray();

    private static string Text(RedisValue value) => value.IsNull ? "" : value.ToString();

    private static AuditEvent ToEvent(StreamEntry entry) => AuditChain.ToEvent(entry.Id.ToString(), FieldsOf(entry));

    private static bool IsStreamId(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && ulong.TryParse(id.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out _)
            && ulong.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, null, out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit chain broken at {EntryId}: {Problem}")]
    private static partial void LogChainBroken(ILogger logger, string? entryId, string? problem);
}

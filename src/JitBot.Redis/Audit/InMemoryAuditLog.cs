using System.Globalization;
using JitBot.Core.Audit;

namespace JitBot.Redis.Audit;

/// <summary>
/// The embedded twin of <see cref="RedisAuditLog"/>: the same hash chain and queries, ids <c>1-0</c>,
/// <c>2-0</c>…, one process, nothing kept across restarts.
/// </summary>
internal sealed class InMemoryAuditLog : IAuditLog, IAuditChainVerifier
{
    private readonly Lock gate = new();
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private string head = "";

    public Task<AuditEvent> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var fields = AuditChain.Fields(auditEvent);
        lock (gate)
        {
            var id = (entries.Count + 1).ToString(CultureInfo.InvariantCulture) + "-0";
            var hash = AuditChain.Hash(head, fields);
            positions[id] = entries.Count;
            entries.Add(new Entry(id, fields, head, hash));
            head = hash;
            return Task.FromResult(auditEvent with { Id = id });
        }
    }

    public Task<AuditEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(positions.TryGetValue(id, out var at) ? entries[at].ToEvent() : null);
        }
    }

    public Task<IReadOnlyList<AuditEvent>> ReadAfterAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var from = afterId is null ? 0 : positions.TryGetValue(afterId, out var at) ? at + 1 : throw new ArgumentException($"'{afterId}' is not an audit event id.", nameof(afterId));
            return Task.FromResult<IReadOnlyList<AuditEvent>>(entries.Skip(from).Take(count).Select(e => e.ToEvent()).ToList());
        }
    }

    public Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var found = new List<AuditEvent>();
        lock (gate)
        {
            for (var i = entries.Count - 1; i >= 0 && found.Count < query.Limit; i--)
            {
                var e = entries[i].ToEvent();
                if (query.Matches(e))
                {
                    found.Add(e);
                }
            }
        }

        found.Reverse();
        return Task.FromResult<IReadOnlyList<AuditEvent>>(found);
    }

    public Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var walk = new AuditChainWalk();
            foreach (var entry in entries)
            {
                if (!walk.Accept(entry.Id, entry.Fields, entry.Prev, entry.Hash))
                {
                    break;
                }
            }

            return Task.FromResult(walk.Finish(head));
        }
    }

    /// <summary>Overwrites an entry's fields and leaves its hashes: what someone editing the trail by hand does (tests only).</summary>
    internal void Tamper(string id, AuditEvent edited)
    {
        lock (gate)
        {
            var at = positions[id];
            entries[at] = entries[at] with { Fields = AuditChain.Fields(edited) };
        }
    }

    private sealed record Entry(string Id, string[] Fields, string Prev, string Hash)
    {
        public AuditEvent ToEvent() => AuditChain.ToEvent(Id, Fields);
    }
}

using JitBot.Core.Requests;

namespace JitBot.Redis.Requests;

/// <summary>
/// The embedded twin of <see cref="RedisRequestStore"/>: same semantics (version 1 on create,
/// compare-and-set on <see cref="AccessRequest.Version"/>), one process, nothing kept across restarts.
/// </summary>
internal sealed class InMemoryRequestStore : IRequestStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AccessRequest> requests = new(StringComparer.Ordinal);
    private long sequence;

    public Task<long> NextNumberAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref sequence));

    public Task CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!requests.TryAdd(request.Id, request with { Version = 1 }))
            {
                throw new InvalidOperationException($"Request {request.Id} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<AccessRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(requests.GetValueOrDefault(id));
        }
    }

    public Task<bool> TryReplaceAsync(AccessRequest current, AccessRequest next, CancellationToken cancellationToken)
    {
        if (!string.Equals(current.Id, next.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot replace {current.Id} with a different request ({next.Id}).", nameof(next));
        }

        lock (gate)
        {
            if (!requests.TryGetValue(current.Id, out var stored) || stored.Version != current.Version)
            {
                return Task.FromResult(false);
            }

            requests[current.Id] = next with { Version = stored.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<AccessRequest>> ListByRequesterAsync(string email, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<AccessRequest> found = requests.Values
                .Where(r => r.Requester.IsSameAs(email))
                .OrderByDescending(r => r.CreatedAt)
                .ThenByDescending(r => r.Id.Length)
                .ThenByDescending(r => r.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<AccessRequest>> ListByStatusAsync(RequestStatus status, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<AccessRequest> found = requests.Values
                .Where(r => r.Status == status)
                .OrderBy(r => r.CreatedAt)
                .ThenBy(r => r.Id.Length)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}

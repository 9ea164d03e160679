namespace JitBot.Core.Requests;

/// <summary>Where requests live. Updates are compare-and-set on <see cref="AccessRequest.Version"/>.</summary>
public interface IRequestStore
{
    /// <summary>The next request number, unique across every instance sharing the store.</summary>
    Task<long> NextNumberAsync(CancellationToken cancellationToken);

    Task CreateAsync(AccessRequest request, CancellationToken cancellationToken);

    Task<AccessRequest?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="next"/> with version <c>current.Version + 1</c> if the stored version is still
    /// <c>current.Version</c>; false when someone else changed it first.
    /// </summary>
    Task<bool> TryReplaceAsync(AccessRequest current, AccessRequest next, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessRequest>> ListByRequesterAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessRequest>> ListByStatusAsync(RequestStatus status, CancellationToken cancellationToken);

    /// <summary>True when the store answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

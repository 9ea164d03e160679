namespace JitBot.Core.Requests;

/// <summary>The load → decide → compare-and-set loop every transition goes through.</summary>
public static class RequestStoreExtensions
{
    private const int MaxAttempts = 20;

    public static async Task<UpdateResult> UpdateAsync(
        this IRequestStore store, string id, Func<AccessRequest, Change> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return new UpdateResult(null, null, null);
            }

            var change = decide(current);
            if (change.Refusal is not null)
            {
                return new UpdateResult(current, null, change.Refusal);
            }

            if (await store.TryReplaceAsync(current, change.Next!, cancellationToken))
            {
                return new UpdateResult(current, change.Next! with { Version = current.Version + 1 }, null);
            }
        }

        throw new InvalidOperationException($"{id} kept changing under {MaxAttempts} attempts to update it.");
    }
}

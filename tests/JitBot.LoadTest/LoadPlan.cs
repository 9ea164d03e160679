namespace JitBot.LoadTest;

/// <summary>
/// Who requests what for how long. The burst requests are spread evenly through the run, all for
/// <see cref="BurstDuration"/>; the others get durations staggered over <see cref="StaggerSpread"/> seconds.
/// Requesters take turns; each turn of a requester asks for another resource, because overlapping grants of the
/// same access are revoked together when the last of them ends (by design), which would hide revocation latency.
/// </summary>
internal static class LoadPlan
{
    public const int StaggerMin = 10;
    public const int StaggerSpread = 40;
    public const int BurstDuration = 30;

    /// <summary>Enough resources that no requester holds two grants of the same one.</summary>
    public static int ResourceCount(LoadOptions options) => (options.Requests + LoadWorld.RequesterCount - 1) / LoadWorld.RequesterCount;

    /// <summary>The measured requests' resources, then the warm-up's own.</summary>
    public static int AllResourceCount(LoadOptions options) =>
        ResourceCount(options) + ((options.WarmUpRequests + LoadWorld.RequesterCount - 1) / LoadWorld.RequesterCount);

    /// <summary>The warm-up: the same traffic on resources of its own, short grants, no burst.</summary>
    public static IReadOnlyList<RequestTrack> BuildWarmUp(LoadOptions options) =>
        Enumerable.Range(0, options.WarmUpRequests)
            .Select(i => new RequestTrack(i, LoadWorld.Requester(i), Resource(ResourceCount(options) + (i / LoadWorld.RequesterCount)), StaggerMin, false))
            .ToList();

    public static string Resource(int n) => $"app-db-{n}";

    public static IReadOnlyList<RequestTrack> Build(LoadOptions options)
    {
        var tracks = new List<RequestTrack>(options.Requests);
        var steady = 0;
        for (var i = 0; i < options.Requests; i++)
        {
            // Exactly Burst of the indexes, evenly spaced: where i·B/N steps to the next whole number.
            var inBurst = (long)i * options.Burst / options.Requests != (long)(i + 1) * options.Burst / options.Requests;
            var duration = inBurst ? BurstDuration : StaggerMin + (steady++ % StaggerSpread);
            tracks.Add(new RequestTrack(i, LoadWorld.Requester(i), Resource(i / LoadWorld.RequesterCount % ResourceCount(options)), duration, inBurst));
        }

        return tracks;
    }
}
